package io.incidentflow.problem;

import java.util.List;
import java.util.stream.Collectors;

/** Input a problem record cannot take, naming each offending field. */
class ProblemValidationException extends RuntimeException {

    record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    ProblemValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    ProblemValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    List<FieldError> errors() {
        return errors;
    }
}
