package io.incidentflow.contact;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A person the app can page. Timestamps are UTC.
 *
 * @param tasklistUserId the Camunda user this person logs in as, if any
 * @param locale         {@code ja} or {@code en}: the language of the messages
 * @param timeZone       IANA zone id; times in messages are shown in it
 * @param mailCharset    null: the charset configured for the e-mail domain, else UTF-8
 */
public record Contact(
        String id,
        String displayName,
        String tasklistUserId,
        String locale,
        String timeZone,
        MailCharset mailCharset,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public Locale language() {
        return Locale.forLanguageTag(locale);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
