package io.incidentflow.alert;

/** What the source says about the trouble. */
public enum AlertStatus {
    FIRING,
    RESOLVED,
    /** Someone acknowledged at the source (Events API v2 {@code acknowledge}). */
    ACKNOWLEDGED
}
