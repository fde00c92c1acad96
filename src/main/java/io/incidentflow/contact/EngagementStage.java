package io.incidentflow.contact;

/** Engage {@code channel} this many minutes after the engagement started. */
public record EngagementStage(int afterMinutes, ContactChannel channel) {
}
