package io.incidentflow.notification;

import static io.incidentflow.notification.NotificationFixtures.INCIDENT;
import static io.incidentflow.notification.NotificationFixtures.channel;
import static io.incidentflow.notification.NotificationFixtures.hanako;
import static io.incidentflow.notification.NotificationFixtures.john;
import static io.incidentflow.notification.NotificationFixtures.opened;
import static io.incidentflow.notification.NotificationFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.Contact;
import io.incidentflow.contact.MailCharset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Real SMTP: mail goes through Spring's sender to GreenMail on a loopback port, and what arrives is checked byte
 * for byte: the charset label, the encoded-words of the subject and the body's bytes.
 */
class EmailNotifierTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
    static final String ADDRESS = "hanako@example.co.jp";

    @Test
    void anIso2022JpMailArrivesLabelledSoAndDecodesExactly() throws Exception {
        DeliveryResult result = notifier(List.of()).send(opened(hanako(MailCharset.ISO_2022_JP)),
                channel(ChannelType.EMAIL, ADDRESS));

        assertThat(result).isEqualTo(DeliveryResult.sent("ISO-2022-JP"));
        MimeMessage mail = received();
        RenderedMessage expected = expected(opened(hanako(MailCharset.ISO_2022_JP)));
        assertThat(mail.getContentType()).isEqualToIgnoringCase("text/plain; charset=ISO-2022-JP");
        assertThat(mail.getHeader("Content-Transfer-Encoding", null)).isEqualTo("7bit");
        assertThat(rawHeader(mail, "Subject")).startsWith("=?ISO-2022-JP?B?");
        assertThat(mail.getSubject()).isEqualTo("【インシデント】INC-000042 ディスク容量不足 db01（本番）");
        byte[] body = mail.getRawInputStream().readAllBytes();
        assertThat(body).as("7-bit bytes only").doesNotContain(eightBit());
        assertThat(new String(body, ISO_2022_JP)).isEqualTo(crlf(expected.body()));
        assertThat(mail.getContent()).isEqualTo(crlf(expected.body()));
        assertThat(rawHeader(mail, "From")).contains("=?ISO-2022-JP?B?");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("インシデント管理");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("incidentflow@example.co.jp");
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getPersonal()).isEqualTo("山田 花子");
    }

    @Test
    void aLongJapaneseSubjectIsSplitIntoEncodedWordsThatStillDecodeExactly() throws Exception {
        String title = "本番データベースクラスタの全ノードで応答遅延が発生し、受注処理と在庫引当が停止しています（第二報）";
        IncidentSummary incident = new IncidentSummary("INC-000042", title, 1, "受注");

        notifier(List.of()).send(opened(hanako(MailCharset.ISO_2022_JP), incident), channel(ChannelType.EMAIL, ADDRESS));

        MimeMessage mail = received();
        String raw = rawHeader(mail, "Subject");
        assertThat(raw.split("\\?=")).hasSizeGreaterThan(2);
        assertThat(raw.lines()).allMatch(line -> line.length() <= 78, "folded to 78 characters");
        assertThat(mail.getSubject()).isEqualTo("【インシデント】INC-000042 " + title);
    }

    @Test
    void aUtf8MailArrivesLabelledSoAndDecodesExactlyEmojiIncluded() throws Exception {
        IncidentSummary incident = new IncidentSummary("INC-000043", "🔥 ① 髙島屋 API ～停止～", 2, "決済");
        Contact hanako = hanako(MailCharset.UTF_8);

        DeliveryResult result = notifier(List.of()).send(opened(hanako, incident), channel(ChannelType.EMAIL, ADDRESS));

        assertThat(result).isEqualTo(DeliveryResult.sent("UTF-8"));
        MimeMessage mail = received();
        assertThat(mail.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(rawHeader(mail, "Subject")).startsWith("=?UTF-8?B?");
        assertThat(mail.getSubject()).isEqualTo("【インシデント】INC-000043 🔥 ① 髙島屋 API ～停止～");
        assertThat(mail.getContent()).isEqualTo(crlf(expected(opened(hanako, incident)).body()));
    }

    @Test
    void whatIso2022JpCannotCarryGoesOutInUtf8SayingWhichCharacterForcedIt() throws Exception {
        IncidentSummary incident = new IncidentSummary("INC-000044", "サーバ①停止", 1, null);

        DeliveryResult result = notifier(List.of()).send(opened(hanako(MailCharset.ISO_2022_JP), incident),
                channel(ChannelType.EMAIL, ADDRESS));

        assertThat(result.sent()).isTrue();
        assertThat(result.detail()).isEqualTo("sent as UTF-8: ISO-2022-JP cannot carry '①' (U+2460)");
        MimeMessage mail = received();
        assertThat(mail.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(mail.getSubject()).isEqualTo("【インシデント】INC-000044 サーバ①停止");
        assertThat((String) mail.getContent()).doesNotContain("?").doesNotContain("？").contains("サーバ①停止");
    }

    @Test
    void halfWidthKatakanaIsNoRfc1468IsoJapaneseEitherAndGoesOutInUtf8() throws Exception {
        IncidentSummary incident = new IncidentSummary("INC-000045", "ｻｰﾊﾞ停止", 1, null);

        DeliveryResult result = notifier(List.of()).send(opened(hanako(MailCharset.ISO_2022_JP), incident),
                channel(ChannelType.EMAIL, ADDRESS));

        assertThat(result.detail()).contains("'ｻ' (U+FF7B)");
        assertThat(received().getSubject()).endsWith("ｻｰﾊﾞ停止");
    }

    @Test
    void forContactsWithoutAChoiceTheDomainRuleDecidesAndOtherwiseItIsUtf8() throws Exception {
        List<NotificationProperties.CharsetRule> rules = List.of(
                new NotificationProperties.CharsetRule("*.co.jp", MailCharset.ISO_2022_JP));
        EmailNotifier notifier = notifier(rules);

        notifier.send(opened(hanako(null)), channel(ChannelType.EMAIL, "hanako@mail.Example.CO.JP"));
        notifier.send(opened(hanako(null)), channel(ChannelType.EMAIL, "hanako@example.com"));
        notifier.send(opened(hanako(MailCharset.UTF_8)), channel(ChannelType.EMAIL, "hanako@example.co.jp"));

        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).extracting(mail -> mail.getContentType().toUpperCase())
                .containsExactly("TEXT/PLAIN; CHARSET=ISO-2022-JP", "TEXT/PLAIN; CHARSET=UTF-8",
                        "TEXT/PLAIN; CHARSET=UTF-8");
        assertThat(mails).allSatisfy(mail -> assertThat(mail.getSubject()).endsWith(INCIDENT.title()));
    }

    @Test
    void anEnglishMailToAnEnglishRecipientIsUtf8ByDefault() throws Exception {
        notifier(List.of()).send(opened(john()), channel(ChannelType.EMAIL, "john@example.com"));

        MimeMessage mail = received();
        assertThat(mail.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(mail.getSubject()).isEqualTo("[Incident] INC-000042 ディスク容量不足 db01（本番）");
    }

    @Test
    void notificationsAskMailersNotToAnswerWithOutOfOfficeReplies() throws Exception {
        notifier(List.of()).send(opened(hanako(null)), channel(ChannelType.EMAIL, ADDRESS));

        MimeMessage mail = received();
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(mail.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
    }

    @Test
    void withoutAMailServerOrASenderAddressItFailsNamingTheSetting() {
        EmailNotifier noServer = new EmailNotifier(mailSender(null), templates(),
                properties(MessageTemplates.BUILT_IN_LOCATION));
        EmailNotifier noFrom = new EmailNotifier(mailSender(sender(SMTP.getSmtp().getPort())), templates(),
                properties(MessageTemplates.BUILT_IN_LOCATION, new NotificationProperties.Mail(null, null, List.of()),
                        null, null));

        assertThat(noServer.send(opened(hanako(null)), channel(ChannelType.EMAIL, ADDRESS)))
                .isEqualTo(DeliveryResult.failed("e-mail is not configured: set spring.mail.host"));
        assertThat(noFrom.send(opened(hanako(null)), channel(ChannelType.EMAIL, ADDRESS)))
                .isEqualTo(DeliveryResult.failed("e-mail is not configured: set incidentflow.notification.mail.from"));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableMailServerThrows() {
        EmailNotifier notifier = new EmailNotifier(mailSender(sender(closedPort())), templates(),
                properties(MessageTemplates.BUILT_IN_LOCATION));

        assertThatThrownBy(() -> notifier.send(opened(hanako(null)), channel(ChannelType.EMAIL, ADDRESS)))
                .isInstanceOf(MailException.class);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    static EmailNotifier notifier(List<NotificationProperties.CharsetRule> rules) {
        NotificationProperties properties = properties(MessageTemplates.BUILT_IN_LOCATION,
                new NotificationProperties.Mail("incidentflow@example.co.jp", "インシデント管理", rules), null, null);
        return new EmailNotifier(mailSender(sender(SMTP.getSmtp().getPort())), templates(), properties);
    }

    static MessageTemplates templates() {
        return new MessageTemplates(properties(MessageTemplates.BUILT_IN_LOCATION));
    }

    static RenderedMessage expected(Notification n) {
        return templates().render(n, ChannelType.EMAIL);
    }

    static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }

    static ObjectProvider<JavaMailSender> mailSender(JavaMailSender sender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (sender != null) {
            beans.addBean("mailSender", sender);
        }
        return beans.getBeanProvider(JavaMailSender.class);
    }

    static MimeMessage received() {
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).hasSize(1);
        return mails[0];
    }

    /** The header as it travelled, unfolded but not decoded. */
    static String rawHeader(MimeMessage mail, String name) throws MessagingException {
        return mail.getHeader(name, null);
    }

    /** Every byte with the high bit set. */
    static byte[] eightBit() {
        byte[] high = new byte[128];
        for (int i = 0; i < high.length; i++) {
            high[i] = (byte) (0x80 + i);
        }
        return high;
    }

    static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
