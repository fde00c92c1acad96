package io.incidentflow.incident;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/** Comments and files added to an incident after it opened, e.g. a reporter's mail reply. */
@Service
public class IncidentComments {

    private final JdbcClient jdbc;
    private final IncidentService incidents;

    IncidentComments(JdbcClient jdbc, IncidentService incidents) {
        this.jdbc = jdbc;
        this.incidents = incidents;
    }

    /**
     * Adds a comment to the incident {@code number}; empty when a comment with that source and external id
     * (a mail's Message-ID) exists already, so a mail delivered twice is stored once.
     */
    public Optional<Long> add(String number, NewComment comment) {
        Incident incident = incidents.findByNumber(number).orElseThrow(() -> new IncidentNotFoundException(number));
        if (comment.externalId() != null && exists(comment.source(), comment.externalId())) {
            return Optional.empty();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_comment (incident_id, author, source, subject, body, external_id, created_at)
                VALUES (:incident, :author, :source, :subject, :body, :externalId, :now)""")
                .param("incident", incident.id()).param("author", comment.author()).param("source", comment.source())
                .param("subject", comment.subject()).param("body", comment.body())
                .param("externalId", comment.externalId()).param("now", now())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        comment.attachments().forEach(file -> attach(incident.id(), id, null, file));
        return Optional.of(id);
    }

    /** Keeps the files of a mail that opens an incident later; they join it through the mail's Message-ID. */
    public void keepForMail(String mailMessageId, List<NewAttachment> files) {
        files.forEach(file -> attach(null, null, mailMessageId, file));
    }

    public List<CommentView> of(long incidentId) {
        return jdbc.sql("""
                SELECT author, source, subject, body, created_at FROM incident_comment
                 WHERE incident_id = :incident ORDER BY id""")
                .param("incident", incidentId)
                .query((rs, n) -> new CommentView(rs.getString("author"), rs.getString("source"),
                        rs.getString("subject"), rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** The incident's files: those of its comments and those of the mail that opened it. */
    public List<AttachmentView> attachmentsOf(long incidentId) {
        return jdbc.sql("""
                SELECT name, content_type, size_bytes, content FROM incident_attachment
                 WHERE incident_id = :incident
                    OR mail_message_id IN (SELECT dedup_key FROM alert WHERE incident_id = :incident)
                 ORDER BY id""")
                .param("incident", incidentId)
                .query((rs, n) -> new AttachmentView(rs.getString("name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getBytes("content")))
                .list();
    }

    private boolean exists(String source, String externalId) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_comment WHERE source = :source AND external_id = :id")
                .param("source", source).param("id", externalId).query(Long.class).single() > 0;
    }

    private void attach(Long incidentId, Long commentId, String mailMessageId, NewAttachment file) {
        jdbc.sql("""
                INSERT INTO incident_attachment (incident_id, comment_id, mail_message_id, name, content_type,
                                                 size_bytes, content, created_at)
                VALUES (:incident, :comment, :mail, :name, :type, :size, :content, :now)""")
                .param("incident", incidentId).param("comment", commentId).param("mail", mailMessageId)
                .param("name", file.name()).param("type", file.contentType())
                .param("size", (long) file.content().length).param("content", file.content()).param("now", now())
                .update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public record NewComment(String author, String source, String subject, String body, String externalId,
            List<NewAttachment> attachments) {
    }

    public record NewAttachment(String name, String contentType, byte[] content) {
    }

    public record CommentView(String author, String source, String subject, String body, OffsetDateTime at) {
    }

    public record AttachmentView(String name, String contentType, long size, byte[] content) {
    }
}
