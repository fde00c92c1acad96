package io.incidentflow.mail;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.incidentflow.mail.MailboxProperties.Mailbox;

/**
 * Polls one mailbox: connects, reads the unseen messages of the folder (oldest first, without marking them
 * read: IMAP {@code BODY.PEEK}), hands each to the {@link MailIntake}, and only once {@code accept} has
 * returned marks the message \Seen (or moves it to the processed folder). A mail whose intake throws stays
 * unread and comes again at the next poll; since the intake is idempotent on the Message-ID, that is also
 * what makes a crash between "stored" and "marked" harmless, and several nodes polling the same mailbox
 * safe: the second one gets {@link MailOutcome.Duplicate} and marks the message too.
 */
final class MailboxPoller {

    /** At most this many messages per poll, so that one poll of a flooded mailbox stays short. */
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int IO_TIMEOUT_MS = 120_000;

    private final Mailbox mailbox;
    private final MailIntake intake;
    private final MailMessageParser parser;
    private final SenderAllowList allowList;
    private final Session session;
    private int consecutiveFailures;

    /** What one poll did. */
    record PollReport(int accepted, int duplicates, int refused, int failed) {

        int total() {
            return accepted + duplicates + refused + failed;
        }
    }

    private enum Handled { ACCEPTED, DUPLICATE, REFUSED, FAILED, SKIPPED }

    MailboxPoller(Mailbox mailbox, MailIntake intake) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.parser = MailMessageParser.forMailbox(mailbox);
        this.allowList = SenderAllowList.of(mailbox.allowedSenders());
        this.session = Session.getInstance(sessionProperties(mailbox));
        if (mailbox.allowedSenders().isEmpty()) {
            log.warn("Mailbox {}: allowed-senders is empty, so every mail will be refused", mailbox.name());
        }
    }

    Mailbox mailbox() {
        return mailbox;
    }

    /**
     * Session settings, per mailbox (never JVM-wide system properties). The MIME decoding itself does not rely
     * on Jakarta Mail's {@code mail.mime.*} switches ({@link MailHeaders} and {@link MailCharsets} decode);
     * the lenient ones are set here as well for whatever Jakarta Mail parses on its own (multipart structure).
     */
    static Properties sessionProperties(Mailbox mailbox) {
        String protocol = mailbox.protocol().storeName();
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty("mail.store.protocol", protocol);
        properties.setProperty(prefix + "host", mailbox.host());
        properties.setProperty(prefix + "port", String.valueOf(mailbox.port()));
        properties.setProperty(prefix + "connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        properties.setProperty(prefix + "timeout", String.valueOf(IO_TIMEOUT_MS));
        properties.setProperty(prefix + "writetimeout", String.valueOf(IO_TIMEOUT_MS));
        // Reading a message must not mark it \Seen: only an accepted mail is marked.
        properties.setProperty(prefix + "peek", "true");
        if (mailbox.protocol() == MailboxProperties.Protocol.IMAPS) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        } else {
            properties.setProperty(prefix + "starttls.enable", "true");
        }
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.ignoreunknownencoding", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        properties.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        return properties;
    }

    /** A poll for the scheduler: logs instead of throwing, so that the next poll still happens. */
    void pollQuietly() {
        try {
            PollReport report = poll();
            if (consecutiveFailures > 0) {
                log.info("Mailbox {}: reachable again", mailbox.name());
            }
            consecutiveFailures = 0;
            if (report.total() > 0) {
                log.info("Mailbox {}: {} accepted, {} duplicates, {} refused, {} left unread after failures",
                        mailbox.name(), report.accepted(), report.duplicates(), report.refused(), report.failed());
            }
        } catch (MessagingException | RuntimeException e) {
            consecutiveFailures++;
            if (consecutiveFailures == 1 || consecutiveFailures % 20 == 0) {
                log.warn("Mailbox {}: poll failed ({} time(s) in a row), retrying every {}: {}", mailbox,
                        consecutiveFailures, mailbox.pollInterval(), e.toString());
            }
        }
    }

    /** One poll of the folder. Throws when the mailbox cannot be reached; per-message trouble is counted. */
    PollReport poll() throws MessagingException {
        Store store = session.getStore(mailbox.protocol().storeName());
        store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        try {
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                return pollOpen(folder);
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } finally {
            store.close();
        }
    }

    private PollReport pollOpen(Folder folder) throws MessagingException {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        Arrays.sort(unseen, Comparator.comparingInt(Message::getMessageNumber));
        if (unseen.length > BATCH) {
            unseen = Arrays.copyOf(unseen, BATCH);
        }
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(unseen, profile);
        int[] counts = new int[Handled.values().length];
        for (Message message : unseen) {
            counts[handle(folder, message).ordinal()]++;
        }
        return new PollReport(counts[Handled.ACCEPTED.ordinal()], counts[Handled.DUPLICATE.ordinal()],
                counts[Handled.REFUSED.ordinal()], counts[Handled.FAILED.ordinal()]);
    }

    private Handled handle(Folder folder, Message message) throws MessagingException {
        MimeMessage copy;
        try {
            if (message.isExpunged() || message.isSet(Flags.Flag.SEEN)) {
                return Handled.SKIPPED; // another node got there first
            }
            // The whole message in memory: parsing then never waits on the network.
            copy = new MimeMessage((MimeMessage) message);
        } catch (MessageRemovedException e) {
            return Handled.SKIPPED;
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException e) {
            log.warn("Mailbox {}: message {} could not be read, left unread: {}", mailbox.name(),
                    message.getMessageNumber(), e.toString());
            return Handled.FAILED;
        }

        ParsedMail mail;
        try {
            mail = parser.parse(copy);
        } catch (MessagingException | RuntimeException e) {
            log.error("Mailbox {}: message {} could not be parsed, left unread", mailbox.name(),
                    message.getMessageNumber(), e);
            return Handled.FAILED;
        }

        var refusal = allowList.refusal(mail.from());
        if (refusal.isPresent()) {
            log.warn("Mailbox {}: refused mail {} from {} ({}): {}", mailbox.name(), mail.messageId(), mail.from(),
                    mail.subject(), refusal.get());
            dispose(folder, message, mailbox.refusedFolder(), mail);
            return Handled.REFUSED;
        }

        MailOutcome outcome;
        try {
            outcome = intake.accept(mail, mailbox);
        } catch (RuntimeException e) {
            log.warn("Mailbox {}: intake failed for mail {}, left unread for the next poll", mailbox.name(),
                    mail.messageId(), e);
            return Handled.FAILED;
        }
        if (outcome == null) {
            log.error("Mailbox {}: intake gave no outcome for mail {}, left unread", mailbox.name(), mail.messageId());
            return Handled.FAILED;
        }
        if (outcome instanceof MailOutcome.Accepted accepted) {
            log.debug("Mailbox {}: accepted mail {} as {}", mailbox.name(), mail.messageId(), accepted.reference());
            dispose(folder, message, mailbox.processedFolder(), mail);
            return Handled.ACCEPTED;
        }
        if (outcome instanceof MailOutcome.Duplicate duplicate) {
            log.debug("Mailbox {}: mail {} was already stored as {}", mailbox.name(), mail.messageId(),
                    duplicate.reference());
            dispose(folder, message, mailbox.processedFolder(), mail);
            return Handled.DUPLICATE;
        }
        MailOutcome.Refused refused = (MailOutcome.Refused) outcome;
        log.warn("Mailbox {}: intake refused mail {} from {}: {}", mailbox.name(), mail.messageId(), mail.from(),
                refused.reason());
        dispose(folder, message, mailbox.refusedFolder(), mail);
        return Handled.REFUSED;
    }

    /**
     * Marks the message \Seen and, when a target folder is set, moves it there (IMAP MOVE, else copy and
     * delete). A failed move leaves the message \Seen where it is: it has been handled and must not come back.
     */
    private void dispose(Folder folder, Message message, String target, ParsedMail mail) throws MessagingException {
        try {
            message.setFlag(Flags.Flag.SEEN, true);
        } catch (MessageRemovedException e) {
            return; // moved away by another node
        }
        if (target == null) {
            return;
        }
        try {
            Folder destination = folder.getStore().getFolder(target);
            if (folder instanceof IMAPFolder imapFolder && folder.getStore() instanceof IMAPStore imapStore
                    && imapStore.hasCapability("MOVE")) {
                imapFolder.moveMessages(new Message[] {message}, destination);
                return;
            }
            folder.copyMessages(new Message[] {message}, destination);
            message.setFlag(Flags.Flag.DELETED, true);
            // Expunge only this message (UID EXPUNGE); without UIDPLUS it stays \Deleted for the server's
            // own clean-up rather than expunging what others marked \Deleted in a shared folder.
            if (folder instanceof IMAPFolder imapFolder && folder.getStore() instanceof IMAPStore imapStore
                    && imapStore.hasCapability("UIDPLUS")) {
                imapFolder.expunge(new Message[] {message});
            }
        } catch (MessageRemovedException e) {
            // moved away by another node
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException e) {
            log.warn("Mailbox {}: mail {} is handled and marked \\Seen, but could not be moved to {}: {}",
                    mailbox.name(), mail.messageId(), target, e.toString());
        }
    }
}
