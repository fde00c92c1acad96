package io.incidentflow.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.incidentflow.engagement.EngagementValidationException.FieldError;

/** Collects what is wrong with a plan, field by field, and throws once with all of it. */
final class Checks {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    static final String NAME_MESSAGE = "must be 1-100 of a-z, 0-9 and -, starting with a letter or digit";

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    void name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            add(field, NAME_MESSAGE);
        }
    }

    void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
    }

    void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "must be between " + min + " and " + max);
        }
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new EngagementValidationException(errors);
        }
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
