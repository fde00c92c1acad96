package io.incidentflow.oncall;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An override as a client sends it; without {@code replaces} it covers for everyone. */
@EndAfterStart
record OverrideRequest(
        @NotNull OffsetDateTime start,
        @NotNull OffsetDateTime end,
        @Size(min = 1, max = 100) String replaces,
        @NotBlank @Size(max = 100) String contact) {

    ScheduleOverride toOverride() {
        return new ScheduleOverride(null, start.toInstant(), end.toInstant(), replaces, contact);
    }
}
