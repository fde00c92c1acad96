package io.incidentflow.incident;

/** Why an incident was closed: fixed, not an incident at all, or merged into another incident. */
public enum ClosureCode {
    RESOLVED, SERVICE_REQUEST, NOISE, MERGED
}
