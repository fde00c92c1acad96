package io.incidentflow.incident;

import java.time.OffsetDateTime;

/** The targets an incident got when it was classified (registration time plus the priority's targets). */
public record Classification(OffsetDateTime responseDueAt, OffsetDateTime resolutionDueAt) {
}
