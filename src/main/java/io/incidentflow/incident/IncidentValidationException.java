package io.incidentflow.incident;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input the incident record cannot take. Names each offending field, so that the REST API can answer
 * with a problem per field and Tasklist shows the user which value to correct.
 */
public class IncidentValidationException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    public IncidentValidationException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public IncidentValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
