package io.incidentflow.incident;

/** Published inside the closing transaction, so that other features release what the incident held. */
public record IncidentClosed(long incidentId) {
}
