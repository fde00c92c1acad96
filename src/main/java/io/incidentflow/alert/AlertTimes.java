package io.incidentflow.alert;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Timestamps as the sources write them: RFC 3339 with any fraction, and offsets without a colon. */
final class AlertTimes {

    /** {@code +0000} (PagerDuty's and CloudWatch's examples) instead of {@code +00:00}. */
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private AlertTimes() {
    }

    /**
     * @return the time, or null when blank or Go's zero time {@code 0001-01-01T00:00:00Z} (Alertmanager's
     *         "not set")
     * @throws AlertFormatException naming {@code path} when it is not a date-time with an offset
     */
    static OffsetDateTime parse(String value, String path) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > 5 && text.charAt(text.length() - 5) != ':') {
            text = OFFSET_WITHOUT_COLON.matcher(text).replaceFirst("$1:$2");
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new AlertFormatException(path, "must be an ISO-8601 date-time with offset, e.g. 2024-05-01T09:30:00+09:00");
        }
        return time.getYear() <= 1 ? null : time;
    }
}
