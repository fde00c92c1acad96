package io.incidentflow.timeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.incident.Incident;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The incident's alerts: each one that opened, resolved or acknowledged it, and its duplicates per dedup key as one
 * entry with their count and time span: a storm of a hundred thousand alerts is evidence, not a hundred thousand lines.
 */
@Component
class AlertEntries implements TimelineSource {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AlertEntries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<TimelineEntry> entriesFor(Incident incident) {
        List<TimelineEntry> entries = new ArrayList<>(alerts(incident.id()));
        entries.addAll(duplicates(incident.id()));
        return entries;
    }

    private List<TimelineEntry> alerts(long incidentId) {
        return jdbc.sql("""
                SELECT a.received_at, a.outcome, a.dedup_key, a.event_id, a.status, a.summary, a.severity, a.started_at,
                       a.labels, a.links, i.name
                  FROM alert a JOIN integration i ON i.id = a.integration_id
                 WHERE a.incident_id = :incident AND a.outcome <> 'DUPLICATE'
                 ORDER BY a.id""")
                .param("incident", incidentId)
                .query((rs, n) -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("dedupKey", rs.getString("dedup_key"));
                    details.put("outcome", rs.getString("outcome"));
                    details.put("status", rs.getString("status"));
                    putIfPresent(details, "eventId", rs.getString("event_id"));
                    putIfPresent(details, "severity", rs.getString("severity"));
                    putIfPresent(details, "startedAt", utc(rs.getObject("started_at", OffsetDateTime.class)));
                    putIfPresent(details, "labels", parsed(rs.getString("labels")));
                    putIfPresent(details, "links", parsed(rs.getString("links")));
                    String text = switch (rs.getString("outcome")) {
                        case "NEW" -> "Alert received: ";
                        case "RESOLVED" -> "Alert resolved at the source: ";
                        case "ACKNOWLEDGED" -> "Alert acknowledged at the source: ";
                        default -> "Alert " + rs.getString("outcome").toLowerCase() + ": ";
                    };
                    return new TimelineEntry(utc(rs.getObject("received_at", OffsetDateTime.class)),
                            TimelineEntry.ALERT, rs.getString("name"), text + rs.getString("summary"), details);
                })
                .list();
    }

    private List<TimelineEntry> duplicates(long incidentId) {
        return jdbc.sql("""
                SELECT i.name, a.dedup_key, COUNT(*) AS occurrences, MIN(a.received_at) AS first_at,
                       MAX(a.received_at) AS last_at
                  FROM alert a JOIN integration i ON i.id = a.integration_id
                 WHERE a.incident_id = :incident AND a.outcome = 'DUPLICATE'
                 GROUP BY i.name, a.dedup_key""")
                .param("incident", incidentId)
                .query((rs, n) -> {
                    long count = rs.getLong("occurrences");
                    OffsetDateTime first = utc(rs.getObject("first_at", OffsetDateTime.class));
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("dedupKey", rs.getString("dedup_key"));
                    details.put("duplicates", count);
                    details.put("firstAt", first);
                    details.put("lastAt", utc(rs.getObject("last_at", OffsetDateTime.class)));
                    return new TimelineEntry(first, TimelineEntry.ALERT, rs.getString("name"),
                            "Alert de-duplicated " + count + (count == 1 ? " time" : " times") + ": "
                                    + rs.getString("dedup_key"), details);
                })
                .list();
    }

    private Object parsed(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    private static void putIfPresent(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    private static OffsetDateTime utc(OffsetDateTime value) {
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
