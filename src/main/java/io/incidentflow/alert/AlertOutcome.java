package io.incidentflow.alert;

/** What became of one received alert. */
enum AlertOutcome {
    /** First of its dedup key: an incident will be opened. */
    NEW,
    /** Another occurrence of an open incident's alert. */
    DUPLICATE,
    RESOLVED,
    ACKNOWLEDGED,
    /** Recovery or acknowledgement for a key with no open incident, or a retried delivery. */
    IGNORED
}
