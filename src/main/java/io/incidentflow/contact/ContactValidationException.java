package io.incidentflow.contact;

import java.util.List;
import java.util.stream.Collectors;

/** Input the contact rules refuse, naming each offending field (e.g. {@code stages[1].channelId}). */
public class ContactValidationException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    public ContactValidationException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public ContactValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
