package io.incidentflow.oncall;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An on-call schedule: {@code rotations} are layers from the bottom up (a later one wins wherever it has someone
 * on call), then {@code overrides} apply in order of start, so the override that started last wins.
 */
record Schedule(String id, String name, ZoneId timeZone, List<Rotation> rotations, List<ScheduleOverride> overrides) {

    private static final Comparator<ScheduleOverride> APPLY_ORDER = Comparator.comparing(ScheduleOverride::start)
            .thenComparing(ScheduleOverride::id, Comparator.nullsLast(Comparator.naturalOrder()));

    Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeZone, "timeZone");
        rotations = List.copyOf(rotations);
        overrides = overrides.stream().sorted(APPLY_ORDER).toList();
    }

    /** Whether {@code contact} takes turns in any rotation: only then can an override replace them. */
    boolean hasParticipant(String contact) {
        return rotations.stream().anyMatch(rotation -> rotation.participants().contains(contact));
    }
}
