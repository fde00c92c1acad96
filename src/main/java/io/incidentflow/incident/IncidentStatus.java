package io.incidentflow.incident;

/** Where an incident stands; the table's CHECK constraint lists the same values. */
public enum IncidentStatus {
    NEW, IN_PROGRESS, ESCALATED, RESOLVED, CLOSED
}
