package io.incidentflow.timeline;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.incidentflow.incident.IncidentValidationException;

/**
 * A period of the export: {@code from} inclusive, {@code to} exclusive. Each end is a date (midnight in {@code zone},
 * UTC unless given: {@code zone=Asia/Tokyo} for a Japanese month) or a date-time with offset.
 */
record Period(OffsetDateTime from, OffsetDateTime to) {

    static final String EXAMPLE = "must be a date such as 2026-12-01 or a date-time with offset such as "
            + "2026-12-01T00:00:00+09:00";

    static Period parse(String from, String to, String zone) {
        ZoneId zoneId = zone(zone);
        Period period = new Period(end("from", from, zoneId), end("to", to, zoneId));
        if (!period.to().isAfter(period.from())) {
            throw new IncidentValidationException("to", "must be after from");
        }
        return period;
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IncidentValidationException("zone", "must be a time zone such as Asia/Tokyo or UTC");
        }
    }

    private static OffsetDateTime end(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw new IncidentValidationException(name, "is required; " + EXAMPLE);
        }
        String text = value.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IncidentValidationException(name, EXAMPLE);
        }
    }
}
