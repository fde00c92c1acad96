package io.incidentflow.incidentops;

/** The incidents' state forbids the operation, e.g. merging into a closed incident. */
class OperationConflictException extends RuntimeException {

    private final String field;

    OperationConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
