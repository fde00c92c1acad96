package io.incidentflow.incident;

/** Why an incident was closed: fixed, or it turned out not to be an incident at all. */
public enum ClosureCode {
    RESOLVED, SERVICE_REQUEST, NOISE
}
