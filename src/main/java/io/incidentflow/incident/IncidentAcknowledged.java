package io.incidentflow.incident;

/** Published inside the transaction of an incident's first acknowledgement, whichever way it came. */
public record IncidentAcknowledged(long incidentId) {
}
