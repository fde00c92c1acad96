package io.incidentflow.incident;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads process variables the way they really arrive. Tasklist's generated and embedded forms send
 * untyped values (a select option {@code 4} is the String {@code "4"}), REST clients send numbers as
 * Integer or Long, dates as Date or ISO-8601 text. Delegates read through here instead of casting.
 * A value that cannot be converted is reported against the variable's name.
 */
final class ProcessVariables {

    private ProcessVariables() {
    }

    /** Text as entered; an absent or blank value is null. */
    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }

    static Integer integer(VariableScope scope, String name) {
        return integer(scope.getVariable(name), name);
    }

    static int requiredInteger(VariableScope scope, String name) {
        return required(integer(scope, name), name);
    }

    static Integer integer(Object value, String name) {
        Long number = longValue(value, name);
        if (number == null) {
            return null;
        }
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw invalid(name, "must be a whole number", value);
        }
        return number.intValue();
    }

    /** The incident's id, which Register incident put into every instance. */
    static long incidentId(VariableScope scope) {
        return required(longValue(scope.getVariable("incidentId"), "incidentId"), "incidentId");
    }

    private static Long longValue(Object value, String name) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
            // "4.0" from a number field is still 4; "4.5" is not a whole number.
            return number.stripTrailingZeros().scale() <= 0 ? number.longValueExact() : reject(name, value);
        } catch (NumberFormatException | ArithmeticException e) {
            return reject(name, value);
        }
    }

    private static Long reject(String name, Object value) {
        throw invalid(name, "must be a whole number", value);
    }

    /** Boolean, or the text "true"/"false" (any case); absent is null. */
    static Boolean bool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw invalid(name, "must be true or false", value);
    }

    /**
     * A point in time in UTC. Accepts Date, the java.time types and ISO-8601 text; text without an offset
     * (a browser's datetime-local field) is taken as UTC, a bare date as its start.
     */
    static OffsetDateTime dateTime(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        OffsetDateTime time;
        if (value == null || value instanceof String blank && blank.isBlank()) {
            time = null;
        } else if (value instanceof Date date) {
            time = date.toInstant().atOffset(ZoneOffset.UTC);
        } else if (value instanceof OffsetDateTime offset) {
            time = offset;
        } else if (value instanceof ZonedDateTime zoned) {
            time = zoned.toOffsetDateTime();
        } else if (value instanceof Instant instant) {
            time = instant.atOffset(ZoneOffset.UTC);
        } else if (value instanceof LocalDateTime local) {
            time = local.atOffset(ZoneOffset.UTC);
        } else if (value instanceof String text) {
            time = parseDateTime(text.trim(), name);
        } else {
            throw invalid(name, "must be a date and time", value);
        }
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime parseDateTime(String text, String name) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw invalid(name, "must be an ISO-8601 date and time", text);
                }
            }
        }
    }

    /** What timer events ({@code timeDate="${responseDueAt}"}) and Tasklist understand best. */
    static Date date(OffsetDateTime time) {
        return time == null ? null : Date.from(time.toInstant());
    }

    /** An ISO-8601 duration such as PT15M or P1D (days of 24 hours), as the priority matrix answers them. */
    static Duration duration(Object value, String name) {
        if (value instanceof Duration duration) {
            return duration;
        }
        if (value == null || value.toString().isBlank()) {
            throw new IncidentValidationException(name, "is missing");
        }
        try {
            return Duration.parse(value.toString().trim());
        } catch (DateTimeException e) {
            throw invalid(name, "must be an ISO-8601 duration such as PT4H or P1D", value);
        }
    }

    /** A DMN single result (priorityDecision): a map of output name to value. */
    static Map<?, ?> map(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalStateException("Variable " + name + " must be a decision result (a map), was "
                + (value == null ? "missing" : value.getClass().getName()));
    }

    /** The user on whose behalf the engine runs this step (who completed the task before it), if any. */
    static String currentUserId(IdentityService identityService) {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new IncidentValidationException(name, "is missing");
        }
        return value;
    }

    private static IncidentValidationException invalid(String name, String message, Object value) {
        return new IncidentValidationException(name, message + ", was \"" + value + "\"");
    }
}
