package io.incidentflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real conversation: GreenMail runs SMTP and IMAP in-process on loopback ports, a Japanese mail goes in
 * over SMTP, the poller reads it over IMAP.
 */
class MailboxPollerTest {

    private static final String USER = "support@example.com";
    private static final String PASSWORD = "greenmail-secret";
    private static final String SUBJECT = "【障害】db01 応答なし ①㈱～";
    private static final String BODY = "お疲れ様です。\n① サーバー db01 が 9:15 から応答しません。\n至急ご確認ください（㈱サンプル）。";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(new ServerSetup[] {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));

    private final List<ParsedMail> received = new CopyOnWriteArrayList<>();

    private MailIntake intake(Function<ParsedMail, MailOutcome> answer) {
        return (mail, mailbox) -> {
            received.add(mail);
            return answer.apply(mail);
        };
    }

    private static MailboxProperties.Mailbox mailbox(String processedFolder, List<String> allowedSenders) {
        return new MailboxProperties.Mailbox("support", "support-mail", MailboxProperties.Protocol.IMAP, "127.0.0.1",
                GREEN_MAIL.getImap().getPort(), USER, PASSWORD, "INBOX", processedFolder, null, Duration.ofSeconds(1),
                allowedSenders, DataSize.ofMegabytes(1), 5);
    }

    private static final List<String> ALLOWED = List.of("@example.co.jp");

    /** Sent the way a Japanese mailer does: ISO-2022-JP headers and body, with Microsoft's characters. */
    private static void sendJapaneseMail(String from) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(GREEN_MAIL.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, "山田 太郎", "ISO-2022-JP"));
        message.setRecipients(Message.RecipientType.TO, USER);
        // Outlook's ISO-2022-JP: Microsoft's table under the standard label (the JDK's ISO-2022-JP has no ①).
        message.setHeader("Subject", RawMail.encodedWord(SUBJECT, "ISO-2022-JP", "x-windows-iso2022jp", 'B'));
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        // ISO-2022-JP is 7-bit, so these ASCII characters go out as exactly these bytes.
        text.setContent(new String(BODY.replace("\n", "\r\n").getBytes("x-windows-iso2022jp"),
                java.nio.charset.StandardCharsets.US_ASCII), "text/plain; charset=ISO-2022-JP");
        text.setHeader("Content-Transfer-Encoding", "7bit");
        multipart.addBodyPart(text);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent("ログ本文", "text/plain; charset=UTF-8");
        attachment.setFileName(RawMail.encodedWord("障害ログ①.txt", "ISO-2022-JP", "x-windows-iso2022jp", 'B'));
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        multipart.addBodyPart(attachment);
        message.setContent(multipart);
        Transport.send(message);
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    /** The SEEN flags of the folder's messages, read by a second IMAP client. */
    private static List<Boolean> seenFlags(String folderName) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.peek", "true");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", GREEN_MAIL.getImap().getPort(), USER, PASSWORD);
        try {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                return java.util.Arrays.stream(folder.getMessages()).map(m -> {
                    try {
                        return m.isSet(Flags.Flag.SEEN);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    @Test
    void japaneseMailSentOverSmtpIsDecodedExactlyAndMarkedSeenAfterAcceptance() throws Exception {
        sendJapaneseMail("taro.yamada@example.co.jp");

        var report = new MailboxPoller(mailbox(null, ALLOWED), intake(m -> MailOutcome.accepted("INC-000001"))).poll();

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo(SUBJECT);
            assertThat(mail.body()).isEqualTo(BODY);
            assertThat(mail.from()).isEqualTo("taro.yamada@example.co.jp");
            assertThat(mail.fromName()).isEqualTo("山田 太郎");
            assertThat(mail.messageId()).isNotBlank();
            assertThat(mail.attachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.name()).isEqualTo("障害ログ①.txt");
                assertThat(new String(attachment.content(), "UTF-8")).isEqualTo("ログ本文");
            });
        });
        assertThat(seenFlags("INBOX")).containsExactly(true);
    }

    @Test
    void failingIntakeLeavesTheMailUnseenForTheNextPoll() throws Exception {
        sendJapaneseMail("taro.yamada@example.co.jp");

        var failed = new MailboxPoller(mailbox(null, ALLOWED), intake(m -> {
            throw new IllegalStateException("database down");
        })).poll();

        assertThat(failed.failed()).isEqualTo(1);
        assertThat(seenFlags("INBOX")).containsExactly(false);

        var retried = new MailboxPoller(mailbox(null, ALLOWED), intake(m -> MailOutcome.accepted("INC-000001"))).poll();

        assertThat(retried.accepted()).isEqualTo(1);
        assertThat(received).hasSize(2).extracting(ParsedMail::dedupKey).containsOnly(received.get(0).dedupKey());
        assertThat(seenFlags("INBOX")).containsExactly(true);
    }

    @Test
    void duplicateFromAnotherNodeIsMarkedSeenToo() throws Exception {
        sendJapaneseMail("taro.yamada@example.co.jp");

        var report = new MailboxPoller(mailbox(null, ALLOWED), intake(m -> MailOutcome.duplicate("INC-000001"))).poll();

        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(seenFlags("INBOX")).containsExactly(true);
    }

    @Test
    void senderNotAllowedNeverReachesTheIntakeAndIsMarkedSeen() throws Exception {
        sendJapaneseMail("stranger@elsewhere.example");

        var report = new MailboxPoller(mailbox(null, ALLOWED), intake(m -> MailOutcome.accepted("x"))).poll();

        assertThat(report.refused()).isEqualTo(1);
        assertThat(received).isEmpty();
        assertThat(seenFlags("INBOX")).containsExactly(true);
    }

    @Test
    void acceptedMailIsMovedToTheProcessedFolder() throws Exception {
        sendJapaneseMail("taro.yamada@example.co.jp");
        createFolder("Processed");

        var report = new MailboxPoller(mailbox("Processed", ALLOWED), intake(m -> MailOutcome.accepted("x"))).poll();

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(seenFlags("INBOX")).isEmpty();
        assertThat(seenFlags("Processed")).containsExactly(true);
    }

    @Test
    void scheduledPollingStartsWithTheApplicationAndDeliversToTheIntake() throws Exception {
        sendJapaneseMail("taro.yamada@example.co.jp");

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(MailboxPropertiesTest.Config.class)
                .withBean(MailIntake.class, () -> intake(m -> MailOutcome.accepted("INC-000001")))
                .withPropertyValues(
                        "incidentflow.mail.mailboxes[0].name=support",
                        "incidentflow.mail.mailboxes[0].integration=support-mail",
                        "incidentflow.mail.mailboxes[0].protocol=imap",
                        "incidentflow.mail.mailboxes[0].host=127.0.0.1",
                        "incidentflow.mail.mailboxes[0].port=" + GREEN_MAIL.getImap().getPort(),
                        "incidentflow.mail.mailboxes[0].username=" + USER,
                        "incidentflow.mail.mailboxes[0].password=" + PASSWORD,
                        "incidentflow.mail.mailboxes[0].allowed-senders=@example.co.jp",
                        "incidentflow.mail.mailboxes[0].poll-interval=1s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (received.isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertThat(received).singleElement().extracting(ParsedMail::subject).isEqualTo(SUBJECT);
                });
        assertThat(seenFlags("INBOX")).containsExactly(true);
    }

    private static void createFolder(String name) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", GREEN_MAIL.getImap().getPort(), USER, PASSWORD);
        try {
            store.getFolder(name).create(Folder.HOLDS_MESSAGES);
        } finally {
            store.close();
        }
    }
}
