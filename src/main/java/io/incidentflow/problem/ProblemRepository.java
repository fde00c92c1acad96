package io.incidentflow.problem;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code problem} and {@code problem_incident} tables. */
@Repository
class ProblemRepository {

    private static final String SELECT = """
            SELECT id, number, title, description, owner, state, workaround, root_cause, resolution, review_id,
                   created_at, created_by, updated_at, updated_by, resolved_at
              FROM problem""";

    private final JdbcClient jdbc;

    ProblemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewProblem problem, String actor, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO problem (title, description, owner, state, review_id, created_at, created_by,
                                     updated_at, updated_by)
                VALUES (:title, :description, :owner, 'INVESTIGATE', :review, :now, :actor, :now, :actor)""")
                .param("title", problem.title())
                .param("description", problem.description())
                .param("owner", problem.owner())
                .param("review", problem.reviewId())
                .param("now", now)
                .param("actor", actor)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE problem SET number = :number WHERE id = :id")
                .param("number", ProblemService.numberFor(id)).param("id", id).update();
        return id;
    }

    /** Only from the state the caller saw: a concurrent transition makes this one change nothing. */
    int transition(long id, ProblemState from, ProblemTransition to, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE problem
                   SET state = :to, workaround = COALESCE(:workaround, workaround),
                       root_cause = COALESCE(:rootCause, root_cause), resolution = COALESCE(:resolution, resolution),
                       resolved_at = CASE WHEN :to = 'RESOLVED' THEN :now ELSE resolved_at END,
                       updated_at = :now, updated_by = :actor
                 WHERE id = :id AND state = :from""")
                .param("to", to.state().name())
                .param("workaround", to.workaround())
                .param("rootCause", to.rootCause())
                .param("resolution", to.resolution())
                .param("now", now)
                .param("actor", actor)
                .param("id", id)
                .param("from", from.name())
                .update();
    }

    /** Answers false when the incident was linked already. */
    boolean link(long problemId, long incidentId, String actor, OffsetDateTime now) {
        boolean linked = jdbc.sql("SELECT COUNT(*) FROM problem_incident WHERE problem_id = :p AND incident_id = :i")
                .param("p", problemId).param("i", incidentId).query(Long.class).single() > 0;
        if (linked) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO problem_incident (problem_id, incident_id, linked_at, linked_by)
                VALUES (:p, :i, :now, :actor)""")
                .param("p", problemId).param("i", incidentId).param("now", now).param("actor", actor)
                .update();
        return true;
    }

    Optional<Problem> findByNumber(String number) {
        return jdbc.sql(SELECT + " WHERE number = :number").param("number", number)
                .query(this::row).optional();
    }

    Optional<Problem> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::row).optional();
    }

    /** Newest first. */
    List<Problem> list(ProblemState state, String incidentNumber) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        if (state != null) {
            sql.append(" AND state = :state");
        }
        if (incidentNumber != null) {
            sql.append(" AND id IN (SELECT pi.problem_id FROM problem_incident pi JOIN incident i"
                    + " ON i.id = pi.incident_id WHERE i.number = :incident)");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append(" ORDER BY id DESC").toString());
        if (state != null) {
            statement.param("state", state.name());
        }
        if (incidentNumber != null) {
            statement.param("incident", incidentNumber);
        }
        return statement.query(this::row).list();
    }

    private Problem row(ResultSet rs, int rowNum) throws SQLException {
        long id = rs.getLong("id");
        return new Problem(id, rs.getString("number"), rs.getString("title"), rs.getString("description"),
                rs.getString("owner"), ProblemState.valueOf(rs.getString("state")), rs.getString("workaround"),
                rs.getString("root_cause"), rs.getString("resolution"), rs.getObject("review_id", Long.class),
                timestamp(rs, "created_at"), rs.getString("created_by"), timestamp(rs, "updated_at"),
                rs.getString("updated_by"), timestamp(rs, "resolved_at"), incidentsOf(id));
    }

    private List<String> incidentsOf(long problemId) {
        return jdbc.sql("""
                SELECT i.number FROM problem_incident pi JOIN incident i ON i.id = pi.incident_id
                 WHERE pi.problem_id = :p ORDER BY pi.linked_at, i.id""")
                .param("p", problemId).query(String.class).list();
    }

    private static OffsetDateTime timestamp(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
