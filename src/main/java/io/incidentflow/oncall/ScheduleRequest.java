package io.incidentflow.oncall;

import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/schedules} and {@code PUT /api/schedules/{id}}: the whole schedule. The limits match
 * the table columns.
 */
record ScheduleRequest(
        @NotBlank @Size(max = 64)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits in words joined by single hyphens, such as db-primary")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull @TimeZoneId String timeZone,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid RotationRequest> rotations,
        @Size(max = 1000) List<@NotNull @Valid OverrideRequest> overrides) {

    Schedule toSchedule() {
        ZoneId zone = ZoneId.of(timeZone);
        return new Schedule(id, name, zone, rotations.stream().map(rotation -> rotation.toRotation(zone)).toList(),
                overrides == null ? List.of() : overrides.stream().map(OverrideRequest::toOverride).toList());
    }
}
