package io.incidentflow.mail;

import java.util.List;

/**
 * A mail whose subject names an existing incident ({@code Re: [INC-000042] …}): the intake adds it to
 * that incident (comment plus attachments) instead of opening a new one.
 *
 * @param incidentNumber e.g. {@code INC-000042}
 * @param from           sender address
 * @param body           plain text (HTML already converted), with notes about dropped attachments
 * @param dedupKey       the mail's Message-ID (or its stand-in hash): attach a reply only once per key,
 *                       since several nodes may poll the same mailbox
 */
public record MailReply(
        String incidentNumber,
        String from,
        String subject,
        String body,
        List<MailAttachment> attachments,
        String dedupKey) {

    public MailReply {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
