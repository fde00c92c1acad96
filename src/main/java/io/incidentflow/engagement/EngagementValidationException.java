package io.incidentflow.engagement;

import java.util.List;
import java.util.stream.Collectors;

/** A plan the rules refuse, naming each offending field ({@code stages[1].targets[0].contact}). */
class EngagementValidationException extends RuntimeException {

    record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    EngagementValidationException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
