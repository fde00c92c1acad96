package io.incidentflow.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code incident_review} table, and the history the figures are measured from. */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The incident's alerts and notification attempts, counted. Alerts move with a merge; notifications stay logged
     * under the number they were sent for, so those of duplicates merged into the incident are counted here.
     */
    ReviewFigures.Evidence evidence(long incidentId, String incidentNumber) {
        record Alerts(OffsetDateTime firstStartedAt, long count) {
        }
        Alerts alerts = jdbc.sql("SELECT MIN(started_at) AS first_started, COUNT(*) AS alerts FROM alert"
                        + " WHERE incident_id = :incident")
                .param("incident", incidentId)
                .query((rs, n) -> new Alerts(timestamp(rs, "first_started"), rs.getLong("alerts")))
                .single();
        return jdbc.sql("""
                SELECT COUNT(DISTINCT CASE WHEN event = 'ESCALATED' THEN stage END) AS stages,
                       COUNT(DISTINCT CASE WHEN result = 'SENT' THEN contact_id END) AS people,
                       COUNT(CASE WHEN result = 'FAILED' THEN 1 END) AS failed
                  FROM notification_delivery
                 WHERE incident_number = :number
                    OR incident_number IN (SELECT i.number FROM incident_link l JOIN incident i
                                               ON i.id = l.from_incident_id
                                            WHERE l.to_incident_id = :incident AND l.type = 'DUPLICATE_OF')""")
                .param("number", incidentNumber)
                .param("incident", incidentId)
                .query((rs, n) -> new ReviewFigures.Evidence(alerts.firstStartedAt(), alerts.count(),
                        rs.getLong("stages"), rs.getLong("people"), rs.getLong("failed")))
                .single();
    }

    long insert(long incidentId, String processInstanceId, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_review (incident_id, process_instance_id, state, started_at)
                VALUES (:incident, :process, 'OPEN', :now)""")
                .param("incident", incidentId)
                .param("process", processInstanceId)
                .param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    int complete(long reviewId, ReviewAnswers answers, String reviewer, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident_review
                   SET state = 'COMPLETED', completed_at = :now, reviewer = :reviewer,
                       what_happened = :whatHappened, customer_impact = :customerImpact, root_cause = :rootCause,
                       went_well = :wentWell, went_badly = :wentBadly, follow_up_actions = :followUp
                 WHERE id = :id AND state = 'OPEN'""")
                .param("now", now)
                .param("reviewer", reviewer)
                .param("whatHappened", answers.whatHappened())
                .param("customerImpact", answers.customerImpact())
                .param("rootCause", answers.rootCause())
                .param("wentWell", answers.wentWell())
                .param("wentBadly", answers.wentBadly())
                .param("followUp", answers.followUpActions())
                .param("id", reviewId)
                .update();
    }

    List<Review> ofIncident(long incidentId) {
        return jdbc.sql("""
                SELECT id, process_instance_id, state, started_at, completed_at, reviewer, what_happened,
                       customer_impact, root_cause, went_well, went_badly, follow_up_actions
                  FROM incident_review WHERE incident_id = :incident ORDER BY id""")
                .param("incident", incidentId)
                .query((rs, n) -> new Review(rs.getLong("id"), rs.getString("process_instance_id"),
                        rs.getString("state"), timestamp(rs, "started_at"), timestamp(rs, "completed_at"),
                        rs.getString("reviewer"),
                        new ReviewAnswers(rs.getString("what_happened"), rs.getString("customer_impact"),
                                rs.getString("root_cause"), rs.getString("went_well"), rs.getString("went_badly"),
                                rs.getString("follow_up_actions")),
                        problemsOf(rs.getLong("id"))))
                .list();
    }

    private List<String> problemsOf(long reviewId) {
        return jdbc.sql("SELECT number FROM problem WHERE review_id = :review ORDER BY id")
                .param("review", reviewId).query(String.class).list();
    }

    private static OffsetDateTime timestamp(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
