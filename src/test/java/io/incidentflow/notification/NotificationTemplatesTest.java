package io.incidentflow.notification;

import static io.incidentflow.notification.NotificationFixtures.ACK_URL;
import static io.incidentflow.notification.NotificationFixtures.INCIDENT;
import static io.incidentflow.notification.NotificationFixtures.OPENED;
import static io.incidentflow.notification.NotificationFixtures.activation;
import static io.incidentflow.notification.NotificationFixtures.hanako;
import static io.incidentflow.notification.NotificationFixtures.john;
import static io.incidentflow.notification.NotificationFixtures.opened;
import static io.incidentflow.notification.NotificationFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.Contact;
import io.incidentflow.contact.MailCharset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Templates: built-in ones per event and language, files overriding them, and the placeholder renderer. */
class NotificationTemplatesTest {

    static final MessageTemplates BUILT_IN = new MessageTemplates(properties(MessageTemplates.BUILT_IN_LOCATION));

    @TempDir
    Path dir;

    @Test
    void aJapaneseRecipientGetsJapaneseWithTimesInTokyo() {
        RenderedMessage message = BUILT_IN.render(opened(hanako(null)), ChannelType.EMAIL);

        assertThat(message.subject()).isEqualTo("【インシデント】INC-000042 ディスク容量不足 db01（本番）");
        assertThat(message.body()).startsWith("山田 花子 さん\n\nインシデントが発生しました。")
                .contains("優先度: P1\n", "サービス: 基幹DB\n", "発生日時: 2025-03-01 17:55 JST\n",
                        "応答（確認）はこちらから: " + ACK_URL + "\n");
    }

    @Test
    void anEnglishRecipientGetsEnglishWithTimesInHisZone() {
        RenderedMessage message = BUILT_IN.render(opened(john()), ChannelType.EMAIL);

        assertThat(message.subject()).isEqualTo("[Incident] INC-000042 ディスク容量不足 db01（本番）");
        assertThat(message.body()).startsWith("Hello John Smith,").contains("Opened: 2025-03-01 03:55 EST\n");
    }

    @ParameterizedTest
    @EnumSource(NotificationEvent.class)
    void everyEventHasJapaneseAndEnglishTemplatesAndTheJapaneseFitIso2022Jp(NotificationEvent event) {
        Notice notice = new Notice(event, INCIDENT, 2, "suzuki", OPENED, ACK_URL, "123456",
                java.time.Duration.ofMinutes(15));
        for (Contact recipient : List.of(hanako(MailCharset.ISO_2022_JP), john())) {
            RenderedMessage message = BUILT_IN.render(new Notification(notice, recipient), ChannelType.EMAIL);

            assertThat(message.subject()).isNotBlank().doesNotContain("{{");
            assertThat(message.body()).isNotBlank().doesNotContain("{{");
            assertThat(MailEncoding.choose(recipient.mailCharset(), List.of(), "x@example.co.jp", message.subject(),
                    message.body(), recipient.displayName()).note()).as(event + " " + recipient.locale()).isNull();
        }
    }

    @Test
    void aVoiceCallReadsTheCodeDigitByDigitFromItsOwnTemplate() {
        RenderedMessage call = BUILT_IN.render(activation(hanako(null), "042917"), ChannelType.VOICE);
        RenderedMessage mail = BUILT_IN.render(activation(hanako(null), "042917"), ChannelType.EMAIL);

        assertThat(call.subject()).isEqualTo("インシデントフローの確認コードをお知らせします。0 4 2 9 1 7。繰り返します。0 4 2 9 1 7。");
        assertThat(mail.subject()).isEqualTo("incidentflow 確認コード: 042917");
        assertThat(mail.body()).contains("15 分以内");
    }

    @Test
    void aFileInTheTemplateDirectoryOverridesTheBuiltInAndEditsApplyWithoutARestart() throws IOException {
        write("incident-opened.ja.txt", "Subject: 障害 {{incident.number}}\n\n{{contact.name}} さん: {{incident.title}}\n");
        MessageTemplates templates = new MessageTemplates(properties(dir.toString()));

        assertThat(templates.render(opened(hanako(null)), ChannelType.EMAIL))
                .isEqualTo(new RenderedMessage("障害 INC-000042", "山田 花子 さん: ディスク容量不足 db01（本番）"));

        write("incident-opened.ja.txt", "Subject: 【至急】{{incident.number}}\n{{ackUrl}}");

        assertThat(templates.render(opened(hanako(null)), ChannelType.EMAIL))
                .isEqualTo(new RenderedMessage("【至急】INC-000042", ACK_URL));
        // What the directory lacks still comes from the built-in templates.
        assertThat(templates.render(opened(john()), ChannelType.EMAIL).subject()).startsWith("[Incident]");
        assertThat(new MessageTemplates(properties("file:" + dir)).render(opened(hanako(null)), ChannelType.EMAIL)
                .subject()).isEqualTo("【至急】INC-000042");
    }

    @Test
    void aTemplateSavedByNotepadWithBomAndCrlfReadsTheSame() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "Subject: 障害 {{incident.number}}\r\n\r\n一行目\r\n二行目\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("incident-opened.ja.txt"), concat(bom, text));

        assertThat(new MessageTemplates(properties(dir.toString())).render(opened(hanako(null)), ChannelType.EMAIL))
                .isEqualTo(new RenderedMessage("障害 INC-000042", "一行目\n二行目"));
    }

    @Test
    void aTemplateSavedAsShiftJisFailsLoudlyInsteadOfSendingMojibake() throws IOException {
        Files.write(dir.resolve("incident-opened.ja.txt"),
                "Subject: 障害発生\n\n本文".getBytes(Charset.forName("windows-31j")));
        MessageTemplates templates = new MessageTemplates(properties(dir.toString()));

        assertThatThrownBy(() -> templates.render(opened(hanako(null)), ChannelType.EMAIL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incident-opened.ja.txt is not UTF-8");
    }

    @Test
    void aTemplateWithoutItsSubjectLineIsRefused() throws IOException {
        write("resolved.ja.txt", "解決しました: {{incident.number}}\n");
        MessageTemplates templates = new MessageTemplates(properties(dir.toString()));
        Notification resolved = new Notification(Notice.resolved(INCIDENT, "suzuki", OPENED), hanako(null));

        assertThatThrownBy(() -> templates.render(resolved, ChannelType.EMAIL))
                .hasMessageContaining("resolved.ja.txt must start with a line 'Subject: …'");
    }

    @Test
    void aTemplateDirectoryThatDoesNotExistStopsTheStart() {
        assertThatThrownBy(() -> new MessageTemplates(properties(dir.resolve("missing").toString())))
                .hasMessageContaining("incidentflow.notification.template-dir")
                .hasMessageContaining("is not a directory");
    }

    @Test
    void aLineBreakInAValueNeverBreaksTheSubjectLine() {
        IncidentSummary injected = new IncidentSummary("INC-000042", "db01\r\nBcc: everyone@example.com", 1, null);

        assertThat(BUILT_IN.render(opened(hanako(null), injected), ChannelType.EMAIL).subject())
                .isEqualTo("【インシデント】INC-000042 db01 Bcc: everyone@example.com");
    }

    @Test
    void valuesAreInsertedAsWrittenAndNeverExpandedAgain() {
        assertThat(TemplateRenderer.render("{{incident.title}} / {{ackUrl}}",
                Map.of("incident.title", "{{ackUrl}} $1 \\ <b>", "ackUrl", "https://x/ack")))
                .isEqualTo("{{ackUrl}} $1 \\ <b> / https://x/ack");
    }

    @Test
    void anUnknownPlaceholderStaysVisibleAndAMissingValueIsEmpty() {
        java.util.HashMap<String, String> values = new java.util.HashMap<>();
        values.put("incident.number", "INC-000042");
        values.put("actor", null);

        assertThat(TemplateRenderer.render("{{ incident.number }} {{incidnt.title}} [{{actor}}]", values))
                .isEqualTo("INC-000042 {{incidnt.title}} []");
    }

    @Test
    void escapingAppliesToValuesOnly() {
        assertThat(TemplateRenderer.render("a&b={{text}}", Map.of("text", "x&y"), value -> value.replace("&", "%26")))
                .isEqualTo("a&b=x%26y");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
