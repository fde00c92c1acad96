package io.incidentflow.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * All SQL of the incident record. Written for both H2 (development) and PostgreSQL (production): no
 * RETURNING, no interval arithmetic, no untyped {@code ? IS NULL} tricks. Every update the process drives
 * is one statement keyed by id and answers how many rows it changed, so the caller can tell a missing row
 * from a rule that did not apply.
 */
@Repository
class IncidentRepository {

    private static final String COLUMNS = """
            id, number, title, description, status, category, service, impact, urgency, priority,
            resolver_group, assignee, incident_manager, coordination_note, source, reporter, process_instance_id,
            detected_at, registered_at, acknowledged_at, acknowledged_by, escalated_at, resolved_at, resolved_by,
            closed_at, closed_by, response_due_at, resolution_due_at, response_breached, resolution_breached,
            classification_reason, diagnosis, resolution, root_cause, closure_code, reopen_count, reopen_reason,
            updated_at""";

    private static final String SELECT = "SELECT " + COLUMNS + " FROM incident ";

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a NEW incident and answers its id; the number follows with {@link #assignNumber}. */
    long insert(NewIncident incident, String processInstanceId, OffsetDateTime detectedAt, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident (title, description, status, category, service, impact, urgency, source,
                                      reporter, process_instance_id, detected_at, registered_at, updated_at)
                VALUES (:title, :description, :status, :category, :service, :impact, :urgency, :source,
                        :reporter, :processInstanceId, :detectedAt, :now, :now)""")
                .param("title", incident.title())
                .param("description", incident.description())
                .param("status", IncidentStatus.NEW.name())
                .param("category", incident.category())
                .param("service", incident.service())
                .param("impact", incident.impact())
                .param("urgency", incident.urgency())
                .param("source", incident.source())
                .param("reporter", incident.reporter())
                .param("processInstanceId", processInstanceId)
                .param("detectedAt", detectedAt)
                .param("now", now)
                // Naming the key column keeps PostgreSQL from returning every column as a "key".
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int assignNumber(long id, String number) {
        return jdbc.sql("UPDATE incident SET number = :number WHERE id = :id")
                .param("number", number)
                .param("id", id)
                .update();
    }

    Optional<Incident> findById(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(ROW).optional();
    }

    Optional<Incident> findByNumber(String number) {
        return jdbc.sql(SELECT + "WHERE number = :number").param("number", number).query(ROW).optional();
    }

    Optional<Incident> findByProcessInstanceId(String processInstanceId) {
        return jdbc.sql(SELECT + "WHERE process_instance_id = :pid").param("pid", processInstanceId).query(ROW).optional();
    }

    int classify(long id, String category, String service, int impact, int urgency, int priority, String resolverGroup,
            OffsetDateTime responseDueAt, OffsetDateTime resolutionDueAt, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident
                   SET status = :status, category = :category, service = :service, impact = :impact,
                       urgency = :urgency, priority = :priority, resolver_group = :resolverGroup,
                       response_due_at = :responseDueAt, resolution_due_at = :resolutionDueAt, updated_at = :now
                 WHERE id = :id""")
                .param("status", IncidentStatus.IN_PROGRESS.name())
                .param("category", category)
                .param("service", service)
                .param("impact", impact)
                .param("urgency", urgency)
                .param("priority", priority)
                .param("resolverGroup", resolverGroup)
                .param("responseDueAt", responseDueAt)
                .param("resolutionDueAt", resolutionDueAt)
                .param("now", now)
                .param("id", id)
                .update();
    }

    int closeAsNotIncident(long id, ClosureCode closureCode, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident
                   SET status = :status, closure_code = :closureCode, classification_reason = :reason,
                       closed_at = :now, updated_at = :now
                 WHERE id = :id""")
                .param("status", IncidentStatus.CLOSED.name())
                .param("closureCode", closureCode.name())
                .param("reason", reason)
                .param("now", now)
                .param("id", id)
                .update();
    }

    /** The first escalation counts for reporting; a reopened incident is escalated again but keeps it. */
    int escalate(long id, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident
                   SET status = :status, escalated_at = COALESCE(escalated_at, :now), updated_at = :now
                 WHERE id = :id""")
                .param("status", IncidentStatus.ESCALATED.name())
                .param("now", now)
                .param("id", id)
                .update();
    }

    int escalateToResolverGroup(long id, String resolverGroup, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident
                   SET status = :status, escalated_at = COALESCE(escalated_at, :now), resolver_group = :group,
                       updated_at = :now
                 WHERE id = :id""")
                .param("status", IncidentStatus.ESCALATED.name())
                .param("group", resolverGroup)
                .param("now", now)
                .param("id", id)
                .update();
    }

    /** True when this call made the incident's first acknowledgement; later ones change nothing. */
    boolean acknowledgeFirst(long id, String by, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident SET acknowledged_by = :by, acknowledged_at = :now, updated_at = :now
                 WHERE id = :id AND acknowledged_at IS NULL""")
                .param("by", by)
                .param("now", now)
                .param("id", id)
                .update() == 1;
    }

    /** Who works on it now; the service acknowledges the incident with the first one. */
    int recordAssignment(long id, String assignee, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident
                   SET assignee = :assignee, updated_at = :now
                 WHERE id = :id""")
                .param("assignee", assignee)
                .param("now", now)
                .param("id", id)
                .update();
    }

    /** Handing the task back (no assignee) acknowledges nothing. */
    int clearAssignee(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE incident SET assignee = NULL, updated_at = :now WHERE id = :id")
                .param("now", now)
                .param("id", id)
                .update();
    }

    int recordCoordination(long id, String incidentManager, String note, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident
                   SET incident_manager = :manager, coordination_note = :note, updated_at = :now
                 WHERE id = :id""")
                .param("manager", incidentManager)
                .param("note", note)
                .param("now", now)
                .param("id", id)
                .update();
    }

    int recordDiagnosis(long id, String diagnosis, OffsetDateTime now) {
        return jdbc.sql("UPDATE incident SET diagnosis = :diagnosis, updated_at = :now WHERE id = :id")
                .param("diagnosis", diagnosis)
                .param("now", now)
                .param("id", id)
                .update();
    }

    int resolve(long id, String resolution, String rootCause, String resolvedBy, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident
                   SET status = :status, resolution = :resolution, root_cause = :rootCause,
                       resolved_by = :resolvedBy, resolved_at = :now, updated_at = :now
                 WHERE id = :id""")
                .param("status", IncidentStatus.RESOLVED.name())
                .param("resolution", resolution)
                .param("rootCause", rootCause)
                .param("resolvedBy", resolvedBy)
                .param("now", now)
                .param("id", id)
                .update();
    }

    /**
     * Back to the resolver group. The resolution timer fired (if at all) while the incident looked resolved,
     * when it was rightly no breach; if the target has passed by now, the reopened incident is in breach.
     */
    int reopen(long id, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident
                   SET status = :status, reopen_count = reopen_count + 1, reopen_reason = :reason,
                       resolved_at = NULL, resolved_by = NULL,
                       resolution_breached = CASE WHEN resolution_due_at < :now THEN TRUE ELSE resolution_breached END,
                       updated_at = :now
                 WHERE id = :id""")
                .param("status", IncidentStatus.ESCALATED.name())
                .param("reason", reason)
                .param("now", now)
                .param("id", id)
                .update();
    }

    int close(long id, String closedBy, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident
                   SET status = :status, closure_code = :closureCode, closed_by = :closedBy, closed_at = :now,
                       updated_at = :now
                 WHERE id = :id""")
                .param("status", IncidentStatus.CLOSED.name())
                .param("closureCode", ClosureCode.RESOLVED.name())
                .param("closedBy", closedBy)
                .param("now", now)
                .param("id", id)
                .update();
    }

    /** A target that passes after the incident was resolved or closed is no breach: nothing changes then. */
    int recordResponseBreach(long id, OffsetDateTime now) {
        return recordBreach("response_breached", id, now);
    }

    int recordResolutionBreach(long id, OffsetDateTime now) {
        return recordBreach("resolution_breached", id, now);
    }

    private int recordBreach(String column, long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE incident SET " + column + " = TRUE, updated_at = :now"
                        + " WHERE id = :id AND status NOT IN ('RESOLVED', 'CLOSED')")
                .param("now", now)
                .param("id", id)
                .update();
    }

    boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    /** Newest first; id breaks ties between incidents registered in the same microsecond. */
    List<Incident> list(IncidentFilter filter) {
        Where where = where(filter);
        JdbcClient.StatementSpec statement = jdbc.sql(SELECT + where.sql()
                + " ORDER BY registered_at DESC, id DESC LIMIT :limit OFFSET :offset");
        where.params().forEach(statement::param);
        return statement.param("limit", filter.size()).param("offset", filter.offset()).query(ROW).list();
    }

    long count(IncidentFilter filter) {
        Where where = where(filter);
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT COUNT(*) FROM incident " + where.sql());
        where.params().forEach(statement::param);
        return statement.query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    /** Only the given criteria become conditions: PostgreSQL cannot type a bare {@code :param IS NULL}. */
    private static Where where(IncidentFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.status() != null) {
            conditions.add("status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.priority() != null) {
            conditions.add("priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.resolverGroup() != null) {
            conditions.add("resolver_group = :resolverGroup");
            params.put("resolverGroup", filter.resolverGroup());
        }
        return new Where(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), params);
    }

    private static final RowMapper<Incident> ROW = (rs, rowNum) -> new Incident(
            rs.getLong("id"),
            rs.getString("number"),
            rs.getString("title"),
            rs.getString("description"),
            IncidentStatus.valueOf(rs.getString("status")),
            rs.getString("category"),
            rs.getString("service"),
            rs.getObject("impact", Integer.class),
            rs.getObject("urgency", Integer.class),
            rs.getObject("priority", Integer.class),
            rs.getString("resolver_group"),
            rs.getString("assignee"),
            rs.getString("incident_manager"),
            rs.getString("coordination_note"),
            rs.getString("source"),
            rs.getString("reporter"),
            rs.getString("process_instance_id"),
            timestamp(rs, "detected_at"),
            timestamp(rs, "registered_at"),
            timestamp(rs, "acknowledged_at"),
            rs.getString("acknowledged_by"),
            timestamp(rs, "escalated_at"),
            timestamp(rs, "resolved_at"),
            rs.getString("resolved_by"),
            timestamp(rs, "closed_at"),
            rs.getString("closed_by"),
            timestamp(rs, "response_due_at"),
            timestamp(rs, "resolution_due_at"),
            rs.getBoolean("response_breached"),
            rs.getBoolean("resolution_breached"),
            rs.getString("classification_reason"),
            rs.getString("diagnosis"),
            rs.getString("resolution"),
            rs.getString("root_cause"),
            closureCode(rs.getString("closure_code")),
            rs.getInt("reopen_count"),
            rs.getString("reopen_reason"),
            timestamp(rs, "updated_at"));

    /** Both drivers hand back the instant; UTC makes values from H2 and PostgreSQL compare equal. */
    private static OffsetDateTime timestamp(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static ClosureCode closureCode(String value) {
        return value == null ? null : ClosureCode.valueOf(value);
    }
}
