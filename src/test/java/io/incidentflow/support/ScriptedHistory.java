package io.incidentflow.support;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Writes an incident's history straight into the tables, with the timestamps a test chooses: what the
 * process, the intake and the notifications would have written, without waiting for any of them.
 */
public final class ScriptedHistory {

    private final JdbcClient jdbc;

    public ScriptedHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes every row the scripted histories write, children first. */
    public void clear() {
        for (String table : new String[] {"problem_incident", "problem", "incident_review", "incident_link",
                "incident_attachment", "incident_comment", "notification_delivery", "alert", "alert_group",
                "incident"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    public long integration(String name) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO integration (name, type, key_hash, key_hint, created_at, updated_at)
                VALUES (:name, 'GENERIC', :hash, 'hint', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .param("name", name).param("hash", "hash-of-" + name)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** An incident as registered; the steps after registration are set with the methods below. */
    public long incident(String title, int priority, String category, OffsetDateTime detectedAt,
            OffsetDateTime registeredAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident (title, status, category, service, impact, urgency, priority, source,
                                      detected_at, registered_at, updated_at)
                VALUES (:title, 'NEW', :category, 'web-shop', 1, 1, :priority, 'test', :detected, :registered,
                        :registered)""")
                .param("title", title).param("category", category).param("priority", priority)
                .param("detected", detectedAt).param("registered", registeredAt)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE incident SET number = :number, process_instance_id = :process WHERE id = :id")
                .param("number", number(id)).param("process", "pi-" + id).param("id", id).update();
        return id;
    }

    public static String number(long id) {
        return String.format("INC-%06d", id);
    }

    public void acknowledged(long incident, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE incident SET status = 'IN_PROGRESS', acknowledged_at = :at, acknowledged_by = :by,"
                        + " assignee = :by WHERE id = :id")
                .param("at", at).param("by", by).param("id", incident).update();
    }

    public void managedBy(long incident, String manager) {
        jdbc.sql("UPDATE incident SET incident_manager = :manager WHERE id = :id")
                .param("manager", manager).param("id", incident).update();
    }

    public void resolved(long incident, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE incident SET status = 'RESOLVED', resolved_at = :at, resolved_by = :by,"
                        + " root_cause = 'disk full' WHERE id = :id")
                .param("at", at).param("by", by).param("id", incident).update();
    }

    public void closed(long incident, OffsetDateTime at) {
        jdbc.sql("UPDATE incident SET status = 'CLOSED', closure_code = 'RESOLVED', closed_at = :at,"
                        + " closed_by = 'desk' WHERE id = :id")
                .param("at", at).param("id", incident).update();
    }

    public void breached(long incident, boolean response, boolean resolution) {
        jdbc.sql("UPDATE incident SET response_breached = :response, resolution_breached = :resolution"
                        + " WHERE id = :id")
                .param("response", response).param("resolution", resolution).param("id", incident).update();
    }

    /** An alert of the incident; {@code outcome} NEW for the one that opened it, DUPLICATE for repeats. */
    public long alert(long integration, long incident, String dedupKey, String outcome, OffsetDateTime startedAt,
            OffsetDateTime receivedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alert (integration_id, dedup_key, status, summary, started_at, received_at, incident_id,
                                   outcome)
                VALUES (:integration, :key, 'FIRING', :summary, :started, :received, :incident, :outcome)""")
                .param("integration", integration).param("key", dedupKey).param("summary", "alert " + dedupKey)
                .param("started", startedAt).param("received", receivedAt).param("incident", incident)
                .param("outcome", outcome)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The open dedup group of the incident's key, as the intake keeps it while the incident is open. */
    public long alertGroup(long integration, long incident, String dedupKey, OffsetDateTime firstSeen) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alert_group (integration_id, dedup_key, incident_id, state, first_seen)
                VALUES (:integration, :key, :incident, 'OPEN', :first)""")
                .param("integration", integration).param("key", dedupKey).param("incident", incident)
                .param("first", firstSeen)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE alert SET alert_group_id = :group WHERE incident_id = :incident AND dedup_key = :key")
                .param("group", id).param("incident", incident).param("key", dedupKey).update();
        return id;
    }

    public void notified(long incident, String contact, String event, Integer stage, String result,
            OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO notification_delivery (incident_number, contact_id, channel_type, event, stage, attempt,
                                                   result, at)
                VALUES (:number, :contact, 'EMAIL', :event, :stage, 1, :result, :at)""")
                .param("number", number(incident)).param("contact", contact).param("event", event)
                .param("stage", stage).param("result", result).param("at", at)
                .update();
    }

    public long comment(long incident, String author, String body, OffsetDateTime at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_comment (incident_id, author, source, body, created_at)
                VALUES (:incident, :author, 'api', :body, :at)""")
                .param("incident", incident).param("author", author).param("body", body).param("at", at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
