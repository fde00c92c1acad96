package io.incidentflow.oncall;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One layer of a schedule: participants take turns in order, each for {@code shiftLength} units, handing off
 * at {@code handoffTime} in {@code timeZone}; the first turn starts on {@code startDate}. With a window the
 * rotation covers only that part of each day; turns keep counting outside it.
 */
record Rotation(
        String name,
        List<String> participants,
        int shiftLength,
        ShiftUnit shiftUnit,
        LocalTime handoffTime,
        ZoneId timeZone,
        LocalDate startDate,
        DailyWindow window) {

    Rotation {
        // The maths divides by both: guard here rather than fail with an arithmetic error later.
        if (participants == null || participants.isEmpty()) {
            throw new IllegalArgumentException("a rotation needs at least one participant");
        }
        if (shiftLength <= 0) {
            throw new IllegalArgumentException("shift length must be positive, was " + shiftLength);
        }
        participants = List.copyOf(participants);
        Objects.requireNonNull(shiftUnit, "shiftUnit");
        // The databases keep whole seconds of a time of day; nobody hands off at a fraction of one.
        handoffTime = handoffTime.truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(startDate, "startDate");
    }

    String participant(long turn) {
        return participants.get((int) (turn % participants.size()));
    }
}
