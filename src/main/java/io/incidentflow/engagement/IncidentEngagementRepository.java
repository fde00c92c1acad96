package io.incidentflow.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The incident_engagement table: how the engagement of each incident went. */
@Repository
class IncidentEngagementRepository {

    /** One row: the plans followed, the last stage engaged, when the plan ran out unacknowledged. */
    record Row(long incidentId, String incidentNumber, String responsePlan, String escalationPlan,
            OffsetDateTime startedAt, Integer lastRound, Integer lastStage, OffsetDateTime lastStageAt,
            OffsetDateTime nobodyAcknowledgedAt) {
    }

    private final JdbcClient jdbc;

    IncidentEngagementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A retried start (the job ran twice) keeps the first row. */
    void start(long incidentId, String number, String responsePlan, String escalationPlan, OffsetDateTime now) {
        if (find(incidentId).isPresent()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO incident_engagement (incident_id, incident_number, response_plan, escalation_plan, started_at)
                VALUES (:id, :number, :responsePlan, :escalationPlan, :now)""")
                .param("id", incidentId)
                .param("number", number)
                .param("responsePlan", responsePlan)
                .param("escalationPlan", escalationPlan)
                .param("now", now)
                .update();
    }

    void stageEngaged(long incidentId, int round, int stage, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE incident_engagement SET last_round = :round, last_stage = :stage, last_stage_at = :now
                 WHERE incident_id = :id""")
                .param("round", round)
                .param("stage", stage)
                .param("now", now)
                .param("id", incidentId)
                .update();
    }

    void nobodyAcknowledged(long incidentId, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE incident_engagement SET nobody_acknowledged_at = COALESCE(nobody_acknowledged_at, :now)
                 WHERE incident_id = :id""")
                .param("now", now)
                .param("id", incidentId)
                .update();
    }

    Optional<Row> find(long incidentId) {
        return jdbc.sql("""
                SELECT incident_id, incident_number, response_plan, escalation_plan, started_at, last_round,
                       last_stage, last_stage_at, nobody_acknowledged_at
                  FROM incident_engagement WHERE incident_id = :id""")
                .param("id", incidentId)
                .query((rs, n) -> new Row(rs.getLong("incident_id"), rs.getString("incident_number"),
                        rs.getString("response_plan"), rs.getString("escalation_plan"), time(rs, "started_at"),
                        rs.getObject("last_round", Integer.class), rs.getObject("last_stage", Integer.class),
                        time(rs, "last_stage_at"), time(rs, "nobody_acknowledged_at")))
                .optional();
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
