package io.incidentflow.incidentops;

import java.time.OffsetDateTime;

/**
 * A link as seen from one incident: {@code OUTGOING} reads "this incident TYPE incident", {@code INCOMING}
 * "incident TYPE this incident".
 */
public record IncidentLink(long id, LinkType type, String direction, String incident, OffsetDateTime createdAt,
        String createdBy) {
}
