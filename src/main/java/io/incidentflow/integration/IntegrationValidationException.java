package io.incidentflow.integration;

import java.util.List;

/** A change to an integration that the request's annotations could not check (a merge patch). */
public class IntegrationValidationException extends RuntimeException {

    /** {@code field} is the JSON property as the client wrote it; null when the body as a whole is wrong. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    IntegrationValidationException(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
