package io.incidentflow.acklink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.incidentflow.support.AdjustableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The acknowledge links' SQL, run unchanged against H2 and PostgreSQL (see the subclasses). */
abstract class AckLinkStoreContract {

    static final Instant NOW = Instant.parse("2026-12-02T09:00:00.123456789Z");

    abstract DataSource dataSource();

    JdbcClient jdbc;
    UsedAckTokens used;
    final AdjustableClock clock = new AdjustableClock(NOW);

    @BeforeEach
    void emptyTables() {
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("DELETE FROM ack_link_use").update();
        jdbc.sql("DELETE FROM ack_link_secret").update();
        used = new UsedAckTokens(jdbc);
    }

    @Test
    void aTokenIsAcceptedOnce() {
        AckToken token = new AckToken("k3Jx9sQ2bW7nV1cT5yH8aA", "INC-000042", "hanako", NOW.plus(Duration.ofDays(1)));

        assertThat(used.isUsed(token.id())).isFalse();
        assertThat(used.markUsed(token, NOW)).isTrue();
        assertThat(used.isUsed(token.id())).isTrue();
        assertThat(used.markUsed(token, NOW.plusSeconds(5))).isFalse();
        assertThat(jdbc.sql("SELECT contact_id FROM ack_link_use WHERE token_id = :id").param("id", token.id())
                .query(String.class).list()).containsExactly("hanako");
    }

    @Test
    void anotherTokenOfTheSameContactAndIncidentIsStillAccepted() {
        Instant expiry = NOW.plus(Duration.ofDays(1));
        used.markUsed(new AckToken("first-token-id", "INC-000042", "hanako", expiry), NOW);

        assertThat(used.markUsed(new AckToken("second-token-id", "INC-000042", "hanako", expiry), NOW)).isTrue();
    }

    @Test
    void withoutAConfiguredSecretOneKeyIsGeneratedStoredAndSharedByEveryNode() {
        byte[] first = new AckLinkKey(jdbc, null, clock).bytes();
        byte[] second = new AckLinkKey(jdbc, null, clock).bytes();

        assertThat(first).hasSizeGreaterThanOrEqualTo(AckLinkProperties.MIN_SECRET_LENGTH).isEqualTo(second);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ack_link_secret").query(Long.class).single()).isOne();
    }

    @Test
    void aConfiguredSecretIsTheKeyAndNothingIsStored() {
        String secret = "configured-secret-of-32-characters-or-more";

        assertThat(new AckLinkKey(jdbc, secret, clock).bytes()).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ack_link_secret").query(Long.class).single()).isZero();
    }
}
