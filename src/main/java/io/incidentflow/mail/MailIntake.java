package io.incidentflow.mail;

/**
 * Where the poller hands each mail; implemented by the database intake (not in this package).
 * <p>
 * Contract:
 * <ul>
 * <li>Return only once the outcome is durable (committed): right after {@code accept} returns the poller
 * marks the message \Seen or moves it, and will never show it again.</li>
 * <li>Be idempotent on {@link ParsedMail#dedupKey()} (the Message-ID): the same mail may arrive again after
 * a crash between commit and marking, and several nodes may poll the same mailbox at the same moment.
 * Answer {@link MailOutcome.Duplicate} for a key already stored, for new mails and replies alike.</li>
 * <li>Throw for anything transient (database down, lock timeout): the message stays unread and is
 * offered again at the next poll.</li>
 * <li>{@link MailToAlert} turns the mail into an {@code Alert} or a {@link MailReply}, using the
 * integration named by {@link MailboxProperties.Mailbox#integration()}.</li>
 * </ul>
 * The poller has already applied the mailbox's sender allow-list: refused senders never get here.
 */
public interface MailIntake {

    MailOutcome accept(ParsedMail mail, MailboxProperties.Mailbox mailbox);
}
