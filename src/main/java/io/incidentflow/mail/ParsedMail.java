package io.incidentflow.mail;

import io.incidentflow.Sha256;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One mail, decoded: every header and text part is proper Unicode whatever the charset and transfer
 * encoding it came in, HTML is already plain text.
 *
 * @param messageId   the Message-ID header as sent ({@code <…@…>}); null when missing
 * @param from        the sender's address (the first From address); null when it has none
 * @param fromName    the sender's decoded display name; null when none
 * @param to          To addresses
 * @param cc          Cc addresses
 * @param subject     decoded subject, whitespace normalised to one line; null when missing
 * @param body        plain text, LF line ends; text/plain preferred, else text/html converted to text
 * @param sentDate    the Date header, with the sender's UTC offset; null when missing or unreadable
 * @param incidentRef {@code INC-000042} when the subject carries {@code [INC-000042]}, else null
 * @param references  Message-IDs of In-Reply-To and References, in that order
 * @param attachments kept attachments, in order
 * @param notes       what could not be kept (attachments over the size or count limit, unreadable parts)
 */
public record ParsedMail(
        String messageId,
        String from,
        String fromName,
        List<String> to,
        List<String> cc,
        String subject,
        String body,
        OffsetDateTime sentDate,
        String incidentRef,
        List<String> references,
        List<MailAttachment> attachments,
        List<String> notes) {

    public ParsedMail {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        notes = notes == null ? List.of() : List.copyOf(notes);
        body = body == null ? "" : body;
    }

    /** The subject names an existing incident, so this mail is a reply to it rather than a new report. */
    public boolean isReply() {
        return incidentRef != null;
    }

    /**
     * The Message-ID; for a mail without one a stable stand-in, {@code sha256:} of sender, date and
     * subject, so that every node computes the same key for the same mail.
     */
    public String dedupKey() {
        if (messageId != null && !messageId.isBlank()) {
            return messageId;
        }
        String basis = String.join("\n", String.valueOf(from), sentDate == null ? "" : sentDate.toInstant().toString(),
                String.valueOf(subject));
        return "sha256:" + Sha256.hex(basis);
    }
}
