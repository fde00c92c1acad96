package io.incidentflow.timeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentflow.incident.Incident;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record's state changes: each step from {@code incident_event}, and the acknowledgement, which is no step
 * (the first claim of a task, or an acknowledgement from the monitoring side) but a column of the record. An
 * incident older than {@code incident_event} gets its changes from the record's columns instead.
 */
@Component
class StateChangeEntries implements TimelineSource {

    private final JdbcClient jdbc;

    StateChangeEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> entriesFor(Incident incident) {
        List<TimelineEntry> entries = new ArrayList<>(recorded(incident.id()));
        if (entries.isEmpty()) {
            entries.addAll(fromColumns(incident));
        }
        if (incident.acknowledgedAt() != null) {
            entries.add(new TimelineEntry(incident.acknowledgedAt(), TimelineEntry.STATE, incident.acknowledgedBy(),
                    "Acknowledged", Map.of("acknowledgedBy", String.valueOf(incident.acknowledgedBy())),
                    TimelineEntry.CHANGED));
        }
        return entries;
    }

    private List<TimelineEntry> recorded(long incidentId) {
        List<Row> rows = jdbc.sql("""
                SELECT at, activity_id, activity_name, status, actor FROM incident_event
                 WHERE incident_id = :incident ORDER BY at, id""")
                .param("incident", incidentId)
                .query((rs, n) -> new Row(rs.getObject("at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString("activity_id"), rs.getString("activity_name"), rs.getString("status"),
                        rs.getString("actor")))
                .list();
        List<TimelineEntry> entries = new ArrayList<>();
        String previous = null;
        for (Row row : rows) {
            boolean escalated = "ESCALATED".equals(row.status()) && !row.status().equals(previous);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("activity", row.activityId());
            details.put("status", row.status());
            if (previous != null && !previous.equals(row.status())) {
                details.put("previousStatus", previous);
            }
            String step = row.activityName() == null ? row.activityId() : row.activityName();
            entries.add(new TimelineEntry(row.at(), escalated ? TimelineEntry.ESCALATION : TimelineEntry.STATE,
                    row.actor(), step + " → " + row.status(), details, TimelineEntry.CHANGED));
            previous = row.status();
        }
        return entries;
    }

    private static List<TimelineEntry> fromColumns(Incident incident) {
        List<TimelineEntry> entries = new ArrayList<>();
        add(entries, incident.registeredAt(), TimelineEntry.STATE, incident.reporter(), "Registered", "NEW");
        add(entries, incident.escalatedAt(), TimelineEntry.ESCALATION, null, "Escalated", "ESCALATED");
        add(entries, incident.resolvedAt(), TimelineEntry.STATE, incident.resolvedBy(), "Resolved", "RESOLVED");
        add(entries, incident.closedAt(), TimelineEntry.STATE, incident.closedBy(), "Closed", "CLOSED");
        return entries;
    }

    private static void add(List<TimelineEntry> entries, OffsetDateTime at, String kind, String actor, String text,
            String status) {
        if (at != null) {
            entries.add(new TimelineEntry(at, kind, actor, text + " → " + status, Map.of("status", status),
                    TimelineEntry.CHANGED));
        }
    }

    private record Row(OffsetDateTime at, String activityId, String activityName, String status, String actor) {
    }
}
