package io.incidentflow.oncall;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Someone else on call during [start, end): {@code contact} takes over from {@code replaces} (a shift swap),
 * or from whoever is on call when {@code replaces} is null (holiday cover, which also fills gaps).
 * {@code id} is null until stored.
 */
record ScheduleOverride(Long id, Instant start, Instant end, String replaces, String contact) {

    ScheduleOverride {
        Objects.requireNonNull(contact, "contact");
        // Both databases keep microseconds: truncating here makes a stored override read back equal.
        start = start.truncatedTo(ChronoUnit.MICROS);
        end = end.truncatedTo(ChronoUnit.MICROS);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an override must end after it starts");
        }
    }

    boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    boolean replacesEveryone() {
        return replaces == null;
    }

    ScheduleOverride withId(long newId) {
        return new ScheduleOverride(newId, start, end, replaces, contact);
    }
}
