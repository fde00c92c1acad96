package io.incidentflow.incident;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/incidents}. The limits match the table's columns (and the service's checks). */
record ReportIncidentRequest(
        @NotBlank @Size(max = IncidentService.MAX_TITLE) String title,
        @Size(max = IncidentService.MAX_TEXT) String description,
        @Size(max = 100) String service,
        @Size(max = 50) String category,
        @Min(1) @Max(5) Integer impact,
        @Min(1) @Max(3) Integer urgency,
        @Size(max = 50) String source,
        @Size(max = 100) String reporter,
        OffsetDateTime detectedAt) {

    NewIncident toNewIncident() {
        return new NewIncident(title, description, service, category, impact, urgency, source, reporter, detectedAt);
    }
}
