package io.incidentflow.audit;

import io.incidentflow.Sha256;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed which configuration, when. Entries are hash-chained: each hash covers the previous hash
 * and the entry's fields, so {@link #verify()} finds an edited or deleted row. Writing joins the
 * caller's transaction: a change and its audit entry commit together or not at all.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    @Autowired
    AuditLog(JdbcClient jdbc, ObjectMapper json) {
        this(jdbc, json, Clock.systemUTC());
    }

    AuditLog(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String targetType, String targetId, Map<String, ?> details) {
        // Nodes append one at a time, or two entries would chain to the same predecessor.
        jdbc.sql("SELECT name FROM startup_lock WHERE name = 'audit' FOR UPDATE").query().singleValue();
        String previous = jdbc.sql("SELECT hash FROM audit_log ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query(String.class).optional().orElse(GENESIS);
        AuditEntry entry = new AuditEntry(0, now(), actor, action, targetType, targetId,
                canonical(details), previous, null);
        jdbc.sql("""
                INSERT INTO audit_log (at, actor, action, target_type, target_id, details, prev_hash, hash)
                VALUES (:at, :actor, :action, :targetType, :targetId, :details, :prevHash, :hash)""")
                .param("at", entry.at())
                .param("actor", actor)
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("details", entry.details())
                .param("prevHash", previous)
                .param("hash", hashOf(entry))
                .update();
    }

    /** Walks the chain from the first entry; answers the first entry that does not fit, if any. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        List<AuditEntry> entries = jdbc.sql(SELECT + " ORDER BY id").query(ROW).list();
        String expectedPrevious = GENESIS;
        for (AuditEntry entry : entries) {
            if (!entry.prevHash().equals(expectedPrevious) || !entry.hash().equals(hashOf(entry))) {
                return new AuditVerification(false, entries.size(), entry.id());
            }
            expectedPrevious = entry.hash();
        }
        return new AuditVerification(true, entries.size(), null);
    }

    /** Entries written in [from, to), oldest first, at most {@code limit}; an open end is null. */
    @Transactional(readOnly = true)
    List<AuditEntry> list(OffsetDateTime from, OffsetDateTime to, int limit) {
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("at >= :from");
        }
        if (to != null) {
            conditions.add("at < :to");
        }
        // Only the given ends become conditions: PostgreSQL cannot type a bare :param IS NULL.
        JdbcClient.StatementSpec statement = jdbc.sql(SELECT
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY id FETCH FIRST :limit ROWS ONLY");
        if (from != null) {
            statement.param("from", from);
        }
        if (to != null) {
            statement.param("to", to);
        }
        return statement.param("limit", limit).query(ROW).list();
    }

    private static final String SELECT = """
            SELECT id, at, actor, action, target_type, target_id, details, prev_hash, hash
              FROM audit_log""";

    private static final RowMapper<AuditEntry> ROW = (rs, n) -> new AuditEntry(rs.getLong("id"),
            rs.getObject("at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
            rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
            rs.getString("target_id"), rs.getString("details"), rs.getString("prev_hash"),
            rs.getString("hash"));

    private String canonical(Map<String, ?> details) {
        try {
            return json.writeValueAsString(new TreeMap<>(details == null ? Map.of() : details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be JSON-serializable", e);
        }
    }

    static String hashOf(AuditEntry entry) {
        String canonical = String.join("\u001f", entry.prevHash(), entry.at().toInstant().toString(),
                String.valueOf(entry.actor()), entry.action(), entry.targetType(), entry.targetId(),
                String.valueOf(entry.details()));
        return Sha256.hex(canonical);
    }

    private OffsetDateTime now() {
        // Microseconds: what both databases store, so the hash recomputes from the stored value.
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
