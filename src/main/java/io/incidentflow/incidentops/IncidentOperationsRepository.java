package io.incidentflow.incidentops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Moves an incident's evidence (alerts, dedup groups, comments, files) and keeps the links between incidents. */
@Repository
class IncidentOperationsRepository {

    private final JdbcClient jdbc;

    IncidentOperationsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int moveAllAlerts(long from, long to) {
        return move("UPDATE alert SET incident_id = :to WHERE incident_id = :from", from, to);
    }

    /** Later alerts of the duplicate's keys then count on the survivor, and its closure frees them. */
    int moveAllAlertGroups(long from, long to) {
        return move("UPDATE alert_group SET incident_id = :to WHERE incident_id = :from", from, to);
    }

    int moveAllComments(long from, long to) {
        return move("UPDATE incident_comment SET incident_id = :to WHERE incident_id = :from", from, to);
    }

    int moveAllAttachments(long from, long to) {
        return move("UPDATE incident_attachment SET incident_id = :to WHERE incident_id = :from", from, to);
    }

    int moveAlerts(Collection<Long> alerts, long from, long to) {
        return jdbc.sql("UPDATE alert SET incident_id = :to WHERE incident_id = :from AND id IN (:ids)")
                .param("to", to).param("from", from).param("ids", alerts).update();
    }

    /** A dedup group follows its alerts once none of them is left with the original incident. */
    int moveAbandonedAlertGroups(long from, long to) {
        return jdbc.sql("""
                UPDATE alert_group SET incident_id = :to
                 WHERE incident_id = :from
                   AND EXISTS (SELECT 1 FROM alert a WHERE a.alert_group_id = alert_group.id AND a.incident_id = :to)
                   AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.alert_group_id = alert_group.id
                                                          AND a.incident_id = :from)""")
                .param("to", to).param("from", from).update();
    }

    int moveComments(Collection<Long> comments, long from, long to) {
        jdbc.sql("UPDATE incident_attachment SET incident_id = :to WHERE incident_id = :from AND comment_id IN (:ids)")
                .param("to", to).param("from", from).param("ids", comments).update();
        return jdbc.sql("UPDATE incident_comment SET incident_id = :to WHERE incident_id = :from AND id IN (:ids)")
                .param("to", to).param("from", from).param("ids", comments).update();
    }

    /** Those of {@code ids} that are not rows of {@code table} belonging to the incident. */
    List<Long> foreign(String table, Collection<Long> ids, long incident) {
        List<Long> own = jdbc.sql("SELECT id FROM " + table + " WHERE incident_id = :incident AND id IN (:ids)")
                .param("incident", incident).param("ids", ids).query(Long.class).list();
        return ids.stream().filter(id -> !own.contains(id)).distinct().toList();
    }

    OffsetDateTime firstAlertStart(Collection<Long> alerts) {
        return jdbc.sql("SELECT MIN(COALESCE(started_at, received_at)) FROM alert WHERE id IN (:ids)")
                .param("ids", alerts).query((rs, n) -> timestamp(rs, 1)).single();
    }

    int closeAsMerged(long duplicate, String note, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE incident
                   SET status = 'CLOSED', closure_code = 'MERGED', resolution = COALESCE(resolution, :note),
                       closed_by = :actor, closed_at = :now, updated_at = :now
                 WHERE id = :id AND status <> 'CLOSED'""")
                .param("note", note).param("actor", actor).param("now", now).param("id", duplicate)
                .update();
    }

    void systemComment(long incident, String body, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO incident_comment (incident_id, author, source, body, created_at)
                VALUES (:incident, NULL, 'system', :body, :now)""")
                .param("incident", incident).param("body", body).param("now", now).update();
    }

    /** Answers the link's id; an identical link is not created twice. */
    long link(long from, long to, LinkType type, String actor, OffsetDateTime now) {
        List<Long> existing = jdbc.sql("""
                SELECT id FROM incident_link
                 WHERE from_incident_id = :from AND to_incident_id = :to AND type = :type""")
                .param("from", from).param("to", to).param("type", type.name()).query(Long.class).list();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_link (from_incident_id, to_incident_id, type, created_at, created_by)
                VALUES (:from, :to, :type, :now, :actor)""")
                .param("from", from).param("to", to).param("type", type.name()).param("now", now)
                .param("actor", actor)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    int unlink(long incident, long link) {
        return jdbc.sql("DELETE FROM incident_link WHERE id = :id AND (from_incident_id = :i OR to_incident_id = :i)")
                .param("id", link).param("i", incident).update();
    }

    List<IncidentLink> links(long incident) {
        return jdbc.sql("""
                SELECT l.id, l.type, 'OUTGOING' AS direction, i.number, l.created_at, l.created_by
                  FROM incident_link l JOIN incident i ON i.id = l.to_incident_id
                 WHERE l.from_incident_id = :incident
                UNION ALL
                SELECT l.id, l.type, 'INCOMING' AS direction, i.number, l.created_at, l.created_by
                  FROM incident_link l JOIN incident i ON i.id = l.from_incident_id
                 WHERE l.to_incident_id = :incident
                 ORDER BY 1""")
                .param("incident", incident)
                .query((rs, n) -> new IncidentLink(rs.getLong(1), LinkType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), timestamp(rs, 5), rs.getString(6)))
                .list();
    }

    List<Comment> comments(long incident) {
        return jdbc.sql("""
                SELECT id, author, source, subject, body, created_at FROM incident_comment
                 WHERE incident_id = :incident ORDER BY created_at, id""")
                .param("incident", incident)
                .query((rs, n) -> new Comment(rs.getLong("id"), rs.getString("author"), rs.getString("source"),
                        rs.getString("subject"), rs.getString("body"), timestamp(rs, "created_at")))
                .list();
    }

    private int move(String sql, long from, long to) {
        return jdbc.sql(sql).param("from", from).param("to", to).update();
    }

    private static OffsetDateTime timestamp(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime timestamp(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
