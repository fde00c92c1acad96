package io.incidentflow.incident;

import java.time.OffsetDateTime;

/** What a reporter (a person, Tasklist or a monitoring system) tells us about a new incident. */
public record NewIncident(
        String title,
        String description,
        String service,
        String category,
        Integer impact,
        Integer urgency,
        String source,
        String reporter,
        OffsetDateTime detectedAt) {

    /** Impact, urgency, category and service given: the source already classified it, no one has to. */
    boolean isPreClassified() {
        return category != null && service != null && impact != null && urgency != null;
    }
}
