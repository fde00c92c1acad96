package io.incidentflow.alert;

import java.sql.DatabaseMetaData;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/** Received alerts and the open dedup keys ("groups"). SQL for H2 and PostgreSQL alike. */
@Repository
class AlertRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final String groupReadLock;

    AlertRepository(JdbcClient jdbc, ObjectMapper json, DataSource dataSource) {
        this.jdbc = jdbc;
        this.json = json;
        this.groupReadLock = groupReadLock(dataSource);
    }

    /**
     * On PostgreSQL a duplicate holds its group with a key-share lock until it commits: duplicates don't block
     * each other, but a closing incident's release of the group waits for them, so a duplicate never ends up on
     * a group that is gone (no incident, no occurrence), and one that comes after the release opens a new
     * incident. H2 has no such lock; it serves one node in development.
     */
    private static String groupReadLock(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equals(product) ? " FOR KEY SHARE OF g" : "";
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database holds the alerts", e);
        }
    }

    boolean eventSeen(long integrationId, String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM alert WHERE integration_id = :integration AND event_id = :event")
                .param("integration", integrationId).param("event", eventId)
                .query(Long.class).single() > 0;
    }

    /** The open group of a dedup key, with its incident's number once it has one; see {@link #groupReadLock}. */
    Optional<OpenGroup> findGroup(long integrationId, String dedupKey) {
        return jdbc.sql("""
                SELECT g.id, g.pending_action, i.number
                  FROM alert_group g LEFT JOIN incident i ON i.id = g.incident_id
                 WHERE g.integration_id = :integration AND g.dedup_key = :key""" + groupReadLock)
                .param("integration", integrationId).param("key", dedupKey)
                .query((rs, n) -> new OpenGroup(rs.getLong("id"), action(rs.getString("pending_action")),
                        rs.getString("number")))
                .optional();
    }

    /**
     * Asks the opener to act on the group's incident; 0 when the group is gone (its incident closed). A pending
     * recovery is never turned into an acknowledgement: the acknowledgement would be carried out and the recovery lost.
     */
    int requestAction(long groupId, GroupAction action) {
        return jdbc.sql("""
                UPDATE alert_group
                   SET pending_action = CASE WHEN pending_action = 'RESOLVE' THEN 'RESOLVE' ELSE :action END
                 WHERE id = :id""")
                .param("action", action.name()).param("id", groupId)
                .update();
    }

    /** The trouble is back before its recovery was carried out; 0 when the opener got there first. */
    int cancelResolve(long groupId) {
        return jdbc.sql("UPDATE alert_group SET pending_action = NULL WHERE id = :id AND pending_action = 'RESOLVE'")
                .param("id", groupId).update();
    }

    long insertGroup(long integrationId, String dedupKey, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alert_group (integration_id, dedup_key, state, first_seen)
                VALUES (:integration, :key, 'OPENING', :now)""")
                .param("integration", integrationId).param("key", dedupKey).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertAlert(long integrationId, Alert alert, Long groupId, AlertOutcome outcome, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO alert (integration_id, dedup_key, event_id, status, summary, details, severity, impact,
                                   service, category, labels, links, started_at, received_at, alert_group_id,
                                   incident_id, outcome)
                VALUES (:integration, :key, :event, :status, :summary, :details, :severity, :impact, :service,
                        :category, :labels, :links, :startedAt, :now, :group,
                        (SELECT incident_id FROM alert_group WHERE id = :group), :outcome)""")
                .param("integration", integrationId).param("key", alert.dedupKey()).param("event", alert.eventId())
                .param("status", alert.status().name()).param("summary", alert.summary())
                .param("details", alert.details()).param("severity", alert.severity())
                .param("impact", alert.impact()).param("service", alert.service())
                .param("category", alert.category()).param("labels", toJson(alert.labels()))
                .param("links", toJson(alert.links())).param("startedAt", alert.startedAt())
                .param("now", now).param("group", groupId).param("outcome", outcome.name())
                .update();
    }

    /**
     * Claims the next group after {@code afterId} that waits for its incident or for an action on it, locking it
     * for this transaction. A group another node holds is skipped, not waited for: that node is working on it.
     */
    Optional<AlertGroup> claimNext(long afterId, OffsetDateTime now) {
        return jdbc.sql("""
                SELECT id, integration_id, dedup_key, incident_id, state, pending_action, failures
                  FROM alert_group
                 WHERE (state = 'OPENING' OR pending_action IS NOT NULL) AND id > :after
                   AND (retry_at IS NULL OR retry_at <= :now)
                 ORDER BY id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED""")
                .param("after", afterId).param("now", now)
                .query((rs, n) -> new AlertGroup(rs.getLong("id"), rs.getLong("integration_id"),
                        rs.getString("dedup_key"), rs.getObject("incident_id", Long.class),
                        rs.getString("state"), action(rs.getString("pending_action")), rs.getInt("failures")))
                .optional();
    }

    /** The try failed and was rolled back: counted, in a transaction of its own, and put off until {@code retryAt}. */
    void recordFailure(long groupId, OffsetDateTime retryAt) {
        jdbc.sql("UPDATE alert_group SET failures = failures + 1, retry_at = :retryAt WHERE id = :id")
                .param("retryAt", retryAt).param("id", groupId).update();
    }

    /** The alert that opened the group: what the incident is about. */
    FirstAlert firstAlert(long groupId) {
        return jdbc.sql("""
                SELECT summary, details, impact, service, category, started_at FROM alert
                 WHERE alert_group_id = :group ORDER BY id FETCH FIRST 1 ROWS ONLY""")
                .param("group", groupId)
                .query((rs, n) -> new FirstAlert(rs.getString("summary"), rs.getString("details"),
                        rs.getObject("impact", Integer.class), rs.getString("service"), rs.getString("category"),
                        rs.getObject("started_at", OffsetDateTime.class)))
                .single();
    }

    void markOpen(long groupId, long incidentId) {
        jdbc.sql("""
                UPDATE alert_group SET state = 'OPEN', incident_id = :incident, failures = 0, retry_at = NULL
                 WHERE id = :id""")
                .param("incident", incidentId).param("id", groupId).update();
        jdbc.sql("UPDATE alert SET incident_id = :incident WHERE alert_group_id = :id AND incident_id IS NULL")
                .param("incident", incidentId).param("id", groupId).update();
    }

    void clearAction(long groupId) {
        jdbc.sql("UPDATE alert_group SET pending_action = NULL, failures = 0, retry_at = NULL WHERE id = :id")
                .param("id", groupId).update();
    }

    /** The incident closed: its dedup keys are free again, the next alert opens a new incident. */
    int releaseGroupsOf(long incidentId) {
        return jdbc.sql("DELETE FROM alert_group WHERE incident_id = :incident").param("incident", incidentId).update();
    }

    private String toJson(Object value) {
        try {
            return value instanceof Map<?, ?> map && map.isEmpty() || value instanceof List<?> list && list.isEmpty()
                    ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("alert labels and links are plain strings", e);
        }
    }

    private static GroupAction action(String value) {
        return value == null ? null : GroupAction.valueOf(value);
    }

    /** An open dedup key as the intake sees it. */
    record OpenGroup(long id, GroupAction pendingAction, String incidentNumber) {
    }

    /** @param failures how many tries before this one failed */
    record AlertGroup(long id, long integrationId, String dedupKey, Long incidentId, String state,
            GroupAction pendingAction, int failures) {

        boolean opening() {
            return "OPENING".equals(state);
        }
    }

    record FirstAlert(String summary, String details, Integer impact, String service, String category,
            OffsetDateTime startedAt) {
    }
}
