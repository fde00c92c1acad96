package io.incidentflow.problem;

/** A transition the problem's current state does not allow, e.g. a resolved problem back to investigate. */
class ProblemConflictException extends RuntimeException {

    private final String field;

    ProblemConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
