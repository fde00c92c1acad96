package io.incidentflow.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The part of each day a rotation covers, in the schedule's zone: business hours are MONDAY–FRIDAY
 * 09:00–18:00. An end at or before the start runs into the next day, so nights MONDAY–FRIDAY 18:00–09:00
 * open on Friday evening and close on Saturday morning; an end equal to the start covers 24 hours.
 */
record DailyWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    DailyWindow {
        // Whole seconds, as the databases keep them.
        start = start.truncatedTo(ChronoUnit.SECONDS);
        end = end.truncatedTo(ChronoUnit.SECONDS);
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one day");
        }
        // An EnumSet keeps the days in week order, also in JSON and in the database.
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /**
     * Open at {@code at} when the window of its local day, or of the day before (nights), contains it. Edges are
     * the same instants as {@link #opens} and {@link #closes}, so a window that opens inside a spring-forward gap
     * opens when the clock reaches the wall time it names, shifted like every other local time.
     */
    boolean covers(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return coversFrom(day.minusDays(1), at, zone) || coversFrom(day, at, zone);
    }

    private boolean coversFrom(LocalDate day, Instant at, ZoneId zone) {
        return days.contains(day.getDayOfWeek()) && !at.isBefore(opens(day, zone)) && at.isBefore(closes(day, zone));
    }

    /** When the window of {@code day} opens (the day must be one of {@link #days}). */
    Instant opens(LocalDate day, ZoneId zone) {
        return day.atTime(start).atZone(zone).toInstant();
    }

    Instant closes(LocalDate day, ZoneId zone) {
        return (crossesMidnight() ? day.plusDays(1) : day).atTime(end).atZone(zone).toInstant();
    }
}
