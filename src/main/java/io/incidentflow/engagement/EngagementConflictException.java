package io.incidentflow.engagement;

/** The change clashes with what exists: a name taken, a plan still in use. */
class EngagementConflictException extends RuntimeException {

    EngagementConflictException(String message) {
        super(message);
    }
}
