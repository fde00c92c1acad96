package io.incidentflow.mail;

/**
 * What the intake did with a mail. Every outcome means "durably decided": the poller then marks the
 * message \Seen (or moves it). Only an exception from {@link MailIntake#accept} leaves it unread.
 */
public sealed interface MailOutcome {

    /** Stored: a new alert (and so, maybe, a new incident) or a reply attached to an incident. */
    record Accepted(String reference) implements MailOutcome {
    }

    /** Already stored earlier under the same dedup key, e.g. by another node polling the same mailbox. */
    record Duplicate(String reference) implements MailOutcome {
    }

    /** Deliberately not stored (unknown incident, disabled integration, …); the poller logs the reason. */
    record Refused(String reason) implements MailOutcome {
    }

    public static MailOutcome accepted(String reference) {
        return new Accepted(reference);
    }

    public static MailOutcome duplicate(String reference) {
        return new Duplicate(reference);
    }

    public static MailOutcome refused(String reason) {
        return new Refused(reason);
    }
}
