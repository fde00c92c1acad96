package io.incidentflow.acklink;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The links that acknowledged already: table {@code ack_link_use}. */
@Repository
class UsedAckTokens {

    private final JdbcClient jdbc;

    UsedAckTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers false when the token was used before; the primary key decides, also between concurrent clicks. */
    boolean markUsed(AckToken token, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO ack_link_use (token_id, incident_number, contact_id, expires_at, used_at)
                    VALUES (:id, :incident, :contact, :expires, :now)""")
                    .param("id", token.id())
                    .param("incident", token.incidentNumber())
                    .param("contact", token.contactId())
                    .param("expires", utc(token.expiresAt()))
                    .param("now", utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException used) {
            return false;
        }
    }

    boolean isUsed(String tokenId) {
        return jdbc.sql("SELECT COUNT(*) FROM ack_link_use WHERE token_id = :id")
                .param("id", tokenId).query(Long.class).single() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
