package io.incidentflow.oncall;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A rotation as a client sends it; without a time zone it hands off in the schedule's. */
record RotationRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> participants,
        @NotNull @Positive @Max(1000) Integer shiftLength,
        @NotNull ShiftUnit shiftUnit,
        @NotNull LocalTime handoffTime,
        @TimeZoneId String timeZone,
        @NotNull LocalDate startDate,
        @Valid WindowRequest window) {

    Rotation toRotation(ZoneId scheduleZone) {
        return new Rotation(name, participants, shiftLength, shiftUnit, handoffTime,
                timeZone == null ? scheduleZone : ZoneId.of(timeZone), startDate,
                window == null ? null : window.toWindow());
    }
}
