package io.incidentflow.mail;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;
import org.springframework.validation.annotation.Validated;

/**
 * The support mailboxes that are turned into incidents ({@code incidentflow.mail.mailboxes[n].*}). The
 * e-mail intake is off unless at least one mailbox is configured. A bad setting stops the start-up with
 * the setting's name, e.g. {@code mailboxes[0].password}.
 */
@Validated
@ConfigurationProperties("incidentflow.mail")
public record MailboxProperties(@DefaultValue List<@Valid @NotNull Mailbox> mailboxes) {

    /** A mailbox name is used in logs, metrics and as the intake's source name. */
    static final String NAME = "[a-z0-9][a-z0-9-]*";

    /** {@code user@example.com} or {@code @example.com} (every address of exactly that domain). */
    static final String SENDER = "[^@\\s]+@[^@\\s]+|@[^@\\s]+";

    public MailboxProperties {
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
    }

    /** True when there is something to poll; otherwise no thread is started and nothing connects. */
    public boolean enabled() {
        return !mailboxes.isEmpty();
    }

    @AssertTrue(message = "mailbox names must be unique")
    boolean isMailboxNamesUnique() {
        Set<String> seen = new HashSet<>();
        return mailboxes.stream().allMatch(m -> m == null || m.name() == null || seen.add(m.name()));
    }

    public enum Protocol {
        /** IMAP over TLS from the first byte (port 993). The default. */
        IMAPS(993),
        /** Plain IMAP (port 143), upgraded with STARTTLS when the server offers it. */
        IMAP(143);

        private final int defaultPort;

        Protocol(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }

        /** The Jakarta Mail store name: {@code imap} or {@code imaps}. */
        public String storeName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One mailbox to poll.
     *
     * @param name              short name for logs ({@code support})
     * @param integration       name of the e-mail integration whose defaults (service, category, impact,
     *                          resolver group) apply to the incidents this mailbox opens
     * @param port              default 993 for imaps, 143 for imap
     * @param password          no default: set it, e.g. {@code INCIDENTFLOW_MAIL_MAILBOXES_0_PASSWORD}
     * @param folder            the folder to read unseen messages from
     * @param processedFolder   optional: accepted messages are moved there; without it they are marked \Seen
     * @param refusedFolder     optional: refused messages (sender not allowed, refused by the intake) are
     *                          moved there; without it they are marked \Seen and left where they are
     * @param allowedSenders    addresses ({@code ops@example.com}) or domains ({@code @example.com});
     *                          <b>empty refuses every sender</b>
     * @param maxAttachmentBytes larger attachments are dropped with a note, the mail itself is kept
     * @param maxAttachments    attachments beyond this count are dropped with a note
     */
    public record Mailbox(
            @NotBlank @Pattern(regexp = NAME) String name,
            @NotBlank String integration,
            @DefaultValue("imaps") @NotNull Protocol protocol,
            @NotBlank String host,
            @Min(1) @Max(65535) Integer port,
            @NotBlank String username,
            @NotBlank String password,
            @DefaultValue("INBOX") @NotBlank String folder,
            String processedFolder,
            String refusedFolder,
            @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) Duration pollInterval,
            @DefaultValue List<@NotBlank @Pattern(regexp = SENDER, message = "must be an address or @domain")
                    String> allowedSenders,
            @DefaultValue("10MB") @DataSizeUnit(DataUnit.BYTES) @NotNull DataSize maxAttachmentBytes,
            @DefaultValue("20") @Min(0) int maxAttachments) {

        public Mailbox {
            processedFolder = blankToNull(processedFolder);
            refusedFolder = blankToNull(refusedFolder);
            allowedSenders = allowedSenders == null ? List.of() : List.copyOf(allowedSenders);
            if (port == null && protocol != null) {
                port = protocol.defaultPort();
            }
        }

        @AssertTrue(message = "must be more than 0 bytes")
        boolean isMaxAttachmentBytesPositive() {
            return maxAttachmentBytes == null || maxAttachmentBytes.toBytes() > 0;
        }

        @AssertTrue(message = "processed-folder and refused-folder must differ from folder")
        boolean isTargetFoldersDifferFromFolder() {
            return folder == null || (!folder.equals(processedFolder) && !folder.equals(refusedFolder));
        }

        /** Never print the password. */
        @Override
        public String toString() {
            return name + " (" + (protocol == null ? "?" : protocol.storeName()) + "://" + username + "@" + host + ":"
                    + port + "/" + folder + ")";
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
