package io.incidentflow.alert;

/** A payload that is not what its format promises; {@code field} is the JSON path of the first problem. */
public class AlertFormatException extends RuntimeException {

    private final String field;

    public AlertFormatException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
