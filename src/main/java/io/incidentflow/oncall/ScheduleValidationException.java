package io.incidentflow.oncall;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that passed the request's annotations but not the schedule's rules (an override replacing someone who is
 * in no rotation, an instant out of range). Names each offending field, so that the REST API answers with a
 * problem per field.
 */
public class ScheduleValidationException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    ScheduleValidationException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    ScheduleValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
