package io.incidentflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.incidentflow.contact.ChannelType;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notification_delivery} table. Each attempt commits in a transaction of its own: the caller is usually
 * a job whose transaction rolls back when the notification failed, and the FAILED row must outlive that.
 */
@Repository
class DeliveryLog {

    private static final int MAX_ERROR = 2000;
    private static final int MAX_DETAIL = 500;
    private static final int MAX_TARGET = 1000;

    private final JdbcClient jdbc;
    private final TransactionOperations ownTransaction;
    private final Clock clock;

    @Autowired
    DeliveryLog(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this(jdbc, ownTransaction(transactionManager), Clock.systemUTC());
    }

    DeliveryLog(JdbcClient jdbc, TransactionOperations ownTransaction, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = ownTransaction;
        this.clock = clock;
    }

    static TransactionOperations ownTransaction(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    /** An attempt to log; {@code target} already masked. */
    record Attempt(String incidentNumber, String contactId, Long channelId, ChannelType channelType, String target,
            NotificationEvent event, Integer stage, DeliveryStatus result, String error, String detail) {
    }

    /** Logs the attempt, numbered after the earlier attempts at the same notice on the same channel. */
    NotificationDelivery record(Attempt attempt) {
        NotificationDelivery delivery = ownTransaction.execute(status -> {
            int number = previousAttempts(attempt) + 1;
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO notification_delivery (incident_number, contact_id, channel_id, channel_type, target,
                                                       event, stage, attempt, result, error, detail, at)
                    VALUES (:incidentNumber, :contactId, :channelId, :channelType, :target, :event, :stage, :attempt,
                            :result, :error, :detail, :at)""")
                    .param("incidentNumber", attempt.incidentNumber())
                    .param("contactId", attempt.contactId())
                    .param("channelId", attempt.channelId())
                    .param("channelType", attempt.channelType() == null ? null : attempt.channelType().name())
                    .param("target", cut(attempt.target(), MAX_TARGET))
                    .param("event", attempt.event().name())
                    .param("stage", attempt.stage())
                    .param("attempt", number)
                    .param("result", attempt.result().name())
                    .param("error", cut(attempt.error(), MAX_ERROR))
                    .param("detail", cut(attempt.detail(), MAX_DETAIL))
                    .param("at", now())
                    .update(keys, "id");
            long id = keys.getKeyAs(Number.class).longValue();
            return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ROW).single();
        });
        if (delivery.result() == DeliveryStatus.FAILED) {
            // Spring Boot binds Micrometer's global registry to /actuator/prometheus; each node counts its own.
            Metrics.counter("incidentflow.notifications.failed", "channel",
                    delivery.channelType() == null ? "unknown" : delivery.channelType().name().toLowerCase(Locale.ROOT))
                    .increment();
        }
        return delivery;
    }

    /** Oldest first: the order of the incident's timeline. */
    List<NotificationDelivery> forIncident(String incidentNumber) {
        return jdbc.sql(SELECT + " WHERE incident_number = :number ORDER BY at, id")
                .param("number", incidentNumber)
                .query(ROW).list();
    }

    /**
     * Only the given keys become conditions: PostgreSQL cannot type a bare {@code :param IS NULL}, and an
     * activation code (no incident) or a missing channel has null keys.
     */
    private int previousAttempts(Attempt attempt) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM notification_delivery WHERE contact_id = :contactId"
                + " AND event = :event");
        sql.append(attempt.incidentNumber() == null ? " AND incident_number IS NULL"
                : " AND incident_number = :incidentNumber");
        sql.append(attempt.channelId() == null ? " AND channel_id IS NULL" : " AND channel_id = :channelId");
        sql.append(attempt.stage() == null ? " AND stage IS NULL" : " AND stage = :stage");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param("contactId", attempt.contactId())
                .param("event", attempt.event().name());
        if (attempt.incidentNumber() != null) {
            statement.param("incidentNumber", attempt.incidentNumber());
        }
        if (attempt.channelId() != null) {
            statement.param("channelId", attempt.channelId());
        }
        if (attempt.stage() != null) {
            statement.param("stage", attempt.stage());
        }
        return statement.query(Long.class).single().intValue();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static final String SELECT = """
            SELECT id, incident_number, contact_id, channel_id, channel_type, target, event, stage, attempt, result,
                   error, detail, at
              FROM notification_delivery""";

    private static final RowMapper<NotificationDelivery> ROW = (rs, n) -> new NotificationDelivery(
            rs.getLong("id"),
            rs.getString("incident_number"),
            rs.getString("contact_id"),
            rs.getObject("channel_id", Long.class),
            rs.getString("channel_type") == null ? null : ChannelType.valueOf(rs.getString("channel_type")),
            rs.getString("target"),
            NotificationEvent.valueOf(rs.getString("event")),
            rs.getObject("stage", Integer.class),
            rs.getInt("attempt"),
            DeliveryStatus.valueOf(rs.getString("result")),
            rs.getString("error"),
            rs.getString("detail"),
            timestamp(rs, "at"));

    private static OffsetDateTime timestamp(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
