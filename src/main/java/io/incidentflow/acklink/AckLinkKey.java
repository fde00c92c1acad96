package io.incidentflow.acklink;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signing key: the configured secret, or else one generated at first use and kept in the database, so
 * that every node signs alike and links survive restarts. Read lazily: our tables exist only once Flyway ran.
 */
@Component
class AckLinkKey {

    private static final Logger log = LoggerFactory.getLogger(AckLinkKey.class);
    private static final int GENERATED_BYTES = 32;

    private final JdbcClient jdbc;
    private final String configured;
    private final Clock clock;
    private volatile byte[] key;

    @Autowired
    AckLinkKey(JdbcClient jdbc, AckLinkProperties properties) {
        this(jdbc, properties.secret(), Clock.systemUTC());
    }

    AckLinkKey(JdbcClient jdbc, String configuredSecret, Clock clock) {
        this.jdbc = jdbc;
        this.configured = configuredSecret;
        this.clock = clock;
    }

    byte[] bytes() {
        byte[] current = key;
        if (current == null) {
            current = (configured != null ? configured : stored()).getBytes(StandardCharsets.UTF_8);
            key = current;
        }
        return current.clone();
    }

    private String stored() {
        return read().orElseGet(() -> {
            try {
                jdbc.sql("INSERT INTO ack_link_secret (id, secret, created_at) VALUES (1, :secret, :now)")
                        .param("secret", generated())
                        .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                                .truncatedTo(ChronoUnit.MICROS))
                        .update();
                log.warn("incidentflow.ack-links.secret is not set: generated an acknowledge-link key and stored it "
                        + "in the database (table ack_link_secret). Set INCIDENTFLOW_ACK_LINKS_SECRET in production.");
            } catch (DuplicateKeyException anotherNodeWasFaster) {
                // Its key is as good as ours, and the one every node now reads.
            }
            return read().orElseThrow();
        });
    }

    private Optional<String> read() {
        return jdbc.sql("SELECT secret FROM ack_link_secret WHERE id = 1").query(String.class).optional();
    }

    private static String generated() {
        byte[] bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
