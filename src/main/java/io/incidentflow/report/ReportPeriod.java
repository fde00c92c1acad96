package io.incidentflow.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Whole weeks, Monday 00:00 to Monday 00:00 in {@code zone}, ending with the week that contains {@code until}.
 * Weeks are counted in seconds from the first Monday, so the SQL needs no time-zone function (H2 and PostgreSQL
 * differ there); a daylight-saving change shifts the boundary of that week by its hour.
 */
record ReportPeriod(LocalDate firstMonday, int weeks, ZoneId zone) {

    static final int MAX_WEEKS = 104;
    static final long WEEK_SECONDS = 7 * 24 * 3600;

    static ReportPeriod ending(LocalDate until, int weeks, ZoneId zone) {
        LocalDate lastMonday = until.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(lastMonday.minusWeeks(weeks - 1L), weeks, zone);
    }

    OffsetDateTime from() {
        return firstMonday.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    OffsetDateTime to() {
        return firstMonday.plusWeeks(weeks).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Epoch second of the first Monday: week n of the period starts {@code n * WEEK_SECONDS} later. */
    long origin() {
        return from().toEpochSecond();
    }

    List<LocalDate> mondays() {
        return IntStream.range(0, weeks).mapToObj(firstMonday::plusWeeks).toList();
    }
}
