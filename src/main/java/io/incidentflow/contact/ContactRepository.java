package io.incidentflow.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * All SQL of contacts, channels and engagement plans, for H2 and PostgreSQL alike (no RETURNING, no upsert).
 * Updates answer how many rows they changed, so the caller tells a missing row from a rule that did not apply.
 */
@Repository
class ContactRepository {

    private static final String CONTACT_COLUMNS = """
            id, display_name, tasklist_user_id, locale, time_zone, mail_charset, created_at, updated_at""";
    private static final String CHANNEL_COLUMNS = """
            id, contact_id, channel_type, address, activated, activated_at, activation_expires_at, created_at""";

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- contacts ---------------------------------------------------------------------------------------

    void insert(Contact contact) {
        jdbc.sql("""
                INSERT INTO contact (id, display_name, tasklist_user_id, locale, time_zone, mail_charset,
                                     created_at, updated_at)
                VALUES (:id, :displayName, :tasklistUserId, :locale, :timeZone, :mailCharset, :createdAt, :updatedAt)""")
                .param("id", contact.id())
                .param("displayName", contact.displayName())
                .param("tasklistUserId", contact.tasklistUserId())
                .param("locale", contact.locale())
                .param("timeZone", contact.timeZone())
                .param("mailCharset", label(contact.mailCharset()))
                .param("createdAt", contact.createdAt())
                .param("updatedAt", contact.updatedAt())
                .update();
    }

    int update(Contact contact) {
        return jdbc.sql("""
                UPDATE contact
                   SET display_name = :displayName, tasklist_user_id = :tasklistUserId, locale = :locale,
                       time_zone = :timeZone, mail_charset = :mailCharset, updated_at = :updatedAt
                 WHERE id = :id""")
                .param("displayName", contact.displayName())
                .param("tasklistUserId", contact.tasklistUserId())
                .param("locale", contact.locale())
                .param("timeZone", contact.timeZone())
                .param("mailCharset", label(contact.mailCharset()))
                .param("updatedAt", contact.updatedAt())
                .param("id", contact.id())
                .update();
    }

    /** Channels and the plan go with the contact (foreign keys cascade). */
    int delete(String id) {
        return jdbc.sql("DELETE FROM contact WHERE id = :id").param("id", id).update();
    }

    Optional<Contact> find(String id) {
        return jdbc.sql("SELECT " + CONTACT_COLUMNS + " FROM contact WHERE id = :id").param("id", id)
                .query(CONTACT).optional();
    }

    Optional<Contact> findByTasklistUser(String userId) {
        return jdbc.sql("SELECT " + CONTACT_COLUMNS + " FROM contact WHERE tasklist_user_id = :userId")
                .param("userId", userId).query(CONTACT).optional();
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    List<Contact> list() {
        return jdbc.sql("SELECT " + CONTACT_COLUMNS + " FROM contact ORDER BY id").query(CONTACT).list();
    }

    // --- channels ---------------------------------------------------------------------------------------

    long insertChannel(String contactId, ChannelType type, String address, String codeHash, OffsetDateTime expiresAt,
            OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO contact_channel (contact_id, channel_type, address, activation_code_hash,
                                             activation_expires_at, created_at)
                VALUES (:contactId, :type, :address, :hash, :expiresAt, :now)""")
                .param("contactId", contactId)
                .param("type", type.name())
                .param("address", address)
                .param("hash", codeHash)
                .param("expiresAt", expiresAt)
                .param("now", now)
                // Naming the key column keeps PostgreSQL from returning every column as a "key".
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean channelExists(String contactId, ChannelType type, String address) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM contact_channel
                 WHERE contact_id = :contactId AND channel_type = :type AND address = :address""")
                .param("contactId", contactId)
                .param("type", type.name())
                .param("address", address)
                .query(Long.class).single() > 0;
    }

    /** Only the contact's own channel: a channel id of someone else's answers nothing. */
    Optional<ContactChannel> channel(String contactId, long channelId) {
        return jdbc.sql("SELECT " + CHANNEL_COLUMNS + " FROM contact_channel WHERE id = :id AND contact_id = :contactId")
                .param("id", channelId)
                .param("contactId", contactId)
                .query(CHANNEL).optional();
    }

    List<ContactChannel> channels(String contactId) {
        return jdbc.sql("SELECT " + CHANNEL_COLUMNS + " FROM contact_channel WHERE contact_id = :contactId ORDER BY id")
                .param("contactId", contactId)
                .query(CHANNEL).list();
    }

    /** Stages that used the channel go with it (foreign key cascade). */
    int deleteChannel(String contactId, long channelId) {
        return jdbc.sql("DELETE FROM contact_channel WHERE id = :id AND contact_id = :contactId")
                .param("id", channelId)
                .param("contactId", contactId)
                .update();
    }

    // --- activation -------------------------------------------------------------------------------------

    /** A new code replaces the pending one and restores the attempts. */
    int setActivationCode(long channelId, String codeHash, OffsetDateTime expiresAt) {
        return jdbc.sql("""
                UPDATE contact_channel
                   SET activation_code_hash = :hash, activation_expires_at = :expiresAt, activation_attempts = 0
                 WHERE id = :id AND activated = FALSE""")
                .param("hash", codeHash)
                .param("expiresAt", expiresAt)
                .param("id", channelId)
                .update();
    }

    /**
     * Counts a guess, if one is left on a live code: 1 when counted, 0 when no guess may be made. The update locks
     * the row, so parallel guesses are counted one after the other and cannot exceed the limit.
     */
    int countAttempt(long channelId, int maxAttempts, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE contact_channel
                   SET activation_attempts = activation_attempts + 1
                 WHERE id = :id AND activated = FALSE AND activation_code_hash IS NOT NULL
                   AND activation_expires_at > :now AND activation_attempts < :max""")
                .param("id", channelId)
                .param("now", now)
                .param("max", maxAttempts)
                .update();
    }

    Optional<PendingCode> pendingCode(long channelId) {
        return jdbc.sql("""
                SELECT activation_code_hash, activation_expires_at, activation_attempts
                  FROM contact_channel WHERE id = :id""")
                .param("id", channelId)
                .query((rs, n) -> new PendingCode(rs.getString("activation_code_hash"),
                        timestamp(rs, "activation_expires_at"), rs.getInt("activation_attempts")))
                .optional();
    }

    /** Activates only with the code that was checked, so a code replaced in between activates nothing. */
    int activate(long channelId, String codeHash, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE contact_channel
                   SET activated = TRUE, activated_at = :now, activation_code_hash = NULL,
                       activation_expires_at = NULL, activation_attempts = 0
                 WHERE id = :id AND activated = FALSE AND activation_code_hash = :hash""")
                .param("now", now)
                .param("id", channelId)
                .param("hash", codeHash)
                .update();
    }

    /** The last guess was wrong: the code is void, a new one must be sent. */
    int voidCode(long channelId) {
        return jdbc.sql("""
                UPDATE contact_channel SET activation_code_hash = NULL, activation_expires_at = NULL
                 WHERE id = :id""")
                .param("id", channelId)
                .update();
    }

    /** The stored state of a pending code; {@code hash} is null when there is none. */
    record PendingCode(String hash, OffsetDateTime expiresAt, int attempts) {
    }

    // --- engagement plan --------------------------------------------------------------------------------

    void replacePlan(String contactId, List<PlannedStage> stages) {
        jdbc.sql("DELETE FROM engagement_stage WHERE contact_id = :contactId").param("contactId", contactId).update();
        for (int i = 0; i < stages.size(); i++) {
            jdbc.sql("""
                    INSERT INTO engagement_stage (contact_id, stage_no, channel_id, after_minutes)
                    VALUES (:contactId, :stageNo, :channelId, :afterMinutes)""")
                    .param("contactId", contactId)
                    .param("stageNo", i)
                    .param("channelId", stages.get(i).channelId())
                    .param("afterMinutes", stages.get(i).afterMinutes())
                    .update();
        }
    }

    List<EngagementStage> plan(String contactId) {
        return jdbc.sql("""
                SELECT s.after_minutes, c.id, c.contact_id, c.channel_type, c.address, c.activated, c.activated_at,
                       c.activation_expires_at, c.created_at
                  FROM engagement_stage s JOIN contact_channel c ON c.id = s.channel_id
                 WHERE s.contact_id = :contactId
                 ORDER BY s.stage_no""")
                .param("contactId", contactId)
                .query((rs, n) -> new EngagementStage(rs.getInt("after_minutes"), CHANNEL.mapRow(rs, n)))
                .list();
    }

    /** A stage as stored: which channel, how many minutes after the engagement started. */
    record PlannedStage(long channelId, int afterMinutes) {
    }

    // --- mapping ----------------------------------------------------------------------------------------

    private static final RowMapper<Contact> CONTACT = (rs, n) -> new Contact(
            rs.getString("id"),
            rs.getString("display_name"),
            rs.getString("tasklist_user_id"),
            rs.getString("locale"),
            rs.getString("time_zone"),
            rs.getString("mail_charset") == null ? null
                    : MailCharset.fromLabel(rs.getString("mail_charset")).orElseThrow(),
            timestamp(rs, "created_at"),
            timestamp(rs, "updated_at"));

    private static final RowMapper<ContactChannel> CHANNEL = (rs, n) -> new ContactChannel(
            rs.getLong("id"),
            rs.getString("contact_id"),
            ChannelType.valueOf(rs.getString("channel_type")),
            rs.getString("address"),
            rs.getBoolean("activated"),
            timestamp(rs, "activated_at"),
            timestamp(rs, "activation_expires_at"),
            timestamp(rs, "created_at"));

    private static String label(MailCharset charset) {
        return charset == null ? null : charset.label();
    }

    /** Both drivers hand back the instant; UTC makes values from H2 and PostgreSQL compare equal. */
    private static OffsetDateTime timestamp(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
