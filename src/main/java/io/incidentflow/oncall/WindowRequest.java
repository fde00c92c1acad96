package io.incidentflow.oncall;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** A rotation's daily window as a client sends it, e.g. {@code {"days": ["MONDAY"], "start": "09:00", "end": "18:00"}}. */
record WindowRequest(
        @NotEmpty Set<@NotNull DayOfWeek> days,
        @NotNull LocalTime start,
        @NotNull LocalTime end) {

    DailyWindow toWindow() {
        return new DailyWindow(days, start, end);
    }
}
