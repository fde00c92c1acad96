package io.incidentflow.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentflow.alert.Alert;
import io.incidentflow.alert.AlertStatus;
import io.incidentflow.integration.Integration;

/**
 * A parsed mail → what the intake stores: a new {@link Alert} (one incident per Message-ID), or a
 * {@link MailReply} when the subject names an incident ({@code [INC-000042]}), or a refusal. Pure.
 */
public final class MailToAlert {

    /** The summary of a mail without a subject. */
    public static final String NO_SUBJECT = "(件名なし / no subject)";

    /** What to do with a mail. */
    public sealed interface Result {
    }

    /** A new report: store the alert, de-duplicated by (integration, dedupKey). */
    public record NewAlert(Alert alert) implements Result {
    }

    /** An answer about an existing incident: attach it there (once per {@link MailReply#dedupKey()}). */
    public record ReplyTo(MailReply reply) implements Result {
    }

    /** Not to be stored; the reason is for the log. */
    public record Refused(String reason) implements Result {
    }

    private MailToAlert() {
    }

    /**
     * @param mailbox the mailbox the mail came from: its allowed senders apply (the poller checked them
     *                already; checking again keeps every other caller honest)
     */
    public static Result convert(ParsedMail mail, Integration integration, MailboxProperties.Mailbox mailbox) {
        var refusal = SenderAllowList.of(mailbox.allowedSenders()).refusal(mail.from());
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        if (!integration.enabled()) {
            return new Refused("integration " + integration.name() + " is disabled");
        }
        return mail.isReply() ? new ReplyTo(toReply(mail)) : new NewAlert(toAlert(mail, integration));
    }

    /**
     * The mail as a new alert: FIRING, dedupKey and eventId = Message-ID (or its stand-in hash), summary =
     * subject, details = body (plus notes about dropped attachments), startedAt = the Date header, the
     * integration's service, category and default impact; labels from, fromName, to, cc, messageId,
     * incidentRef (those present).
     */
    public static Alert toAlert(ParsedMail mail, Integration integration) {
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, "from", mail.from());
        put(labels, "fromName", mail.fromName());
        put(labels, "to", String.join(", ", mail.to()));
        put(labels, "cc", String.join(", ", mail.cc()));
        put(labels, "messageId", mail.messageId());
        put(labels, "incidentRef", mail.incidentRef());
        return new Alert(
                mail.dedupKey(),
                AlertStatus.FIRING,
                summary(mail),
                details(mail),
                null,
                integration.defaultImpact(),
                integration.service(),
                integration.category(),
                labels,
                List.of(),
                mail.sentDate(),
                mail.dedupKey());
    }

    /** The mail as a reply to the incident its subject names; null when the subject names none. */
    public static MailReply toReply(ParsedMail mail) {
        if (!mail.isReply()) {
            return null;
        }
        return new MailReply(mail.incidentRef(), mail.from(), summary(mail), details(mail), mail.attachments(),
                mail.dedupKey());
    }

    static String summary(ParsedMail mail) {
        String subject = mail.subject() == null ? "" : MailHeaders.oneLine(mail.subject());
        return subject.isEmpty() ? NO_SUBJECT : subject;
    }

    /** The body, followed by what could not be kept, so that responders know an attachment is missing. */
    static String details(ParsedMail mail) {
        if (mail.notes().isEmpty()) {
            return mail.body();
        }
        StringBuilder details = new StringBuilder(mail.body());
        if (details.length() > 0) {
            details.append("\n\n");
        }
        details.append("--\n");
        mail.notes().forEach(note -> details.append(note).append('\n'));
        return details.toString().stripTrailing();
    }

    private static void put(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(key, value);
        }
    }
}
