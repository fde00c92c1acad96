package io.incidentflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.incidentflow.alert.Alert;
import io.incidentflow.alert.AlertStatus;
import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationType;

class MailToAlertTest {

    private static final Integration SUPPORT = new Integration(7, "support-mail", IntegrationType.EMAIL, true,
            "Hardware", "Mail service", 3, 2, "network", false, false, null, null);
    private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-03-03T09:15:00+09:00");
    private static final MailAttachment LOG = new MailAttachment("db01.log", "text/plain", new byte[] {'o', 'k'});

    static MailboxProperties.Mailbox mailbox(List<String> allowedSenders) {
        return new MailboxProperties.Mailbox("support", "support-mail", MailboxProperties.Protocol.IMAPS,
                "imap.example.com", null, "support", "secret", "INBOX", null, null, Duration.ofSeconds(30),
                allowedSenders, DataSize.ofMegabytes(10), 20);
    }

    private static ParsedMail mail(String messageId, String subject, String incidentRef) {
        return new ParsedMail(messageId, "taro@example.co.jp", "山田 太郎", List.of("support@example.com"),
                List.of("boss@example.co.jp"), subject, "本文です。", SENT, incidentRef, List.of(), List.of(LOG),
                List.of());
    }

    @Test
    void newMailBecomesAFiringAlertKeyedByMessageId() {
        var result = MailToAlert.convert(mail("<m1@example.co.jp>", "ディスク不足 db01", null), SUPPORT,
                mailbox(List.of("@example.co.jp")));

        assertThat(result).isInstanceOf(MailToAlert.NewAlert.class);
        Alert alert = ((MailToAlert.NewAlert) result).alert();
        assertThat(alert.dedupKey()).isEqualTo("<m1@example.co.jp>");
        assertThat(alert.eventId()).isEqualTo("<m1@example.co.jp>");
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.summary()).isEqualTo("ディスク不足 db01");
        assertThat(alert.details()).isEqualTo("本文です。");
        assertThat(alert.startedAt()).isEqualTo(SENT);
        assertThat(alert.impact()).isEqualTo(3);
        assertThat(alert.service()).isEqualTo("Mail service");
        assertThat(alert.category()).isEqualTo("Hardware");
        assertThat(alert.labels()).containsEntry("from", "taro@example.co.jp")
                .containsEntry("fromName", "山田 太郎")
                .containsEntry("to", "support@example.com")
                .containsEntry("cc", "boss@example.co.jp")
                .doesNotContainKey("incidentRef");
    }

    @Test
    void mailWithoutMessageIdGetsAStableHashOfSenderDateAndSubject() {
        String first = MailToAlert.toAlert(mail(null, "件名", null), SUPPORT).dedupKey();
        String again = MailToAlert.toAlert(mail(null, "件名", null), SUPPORT).dedupKey();
        String other = MailToAlert.toAlert(mail(null, "別の件名", null), SUPPORT).dedupKey();

        assertThat(first).startsWith("sha256:").isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void mailWithoutSubjectGetsTheDefaultSummary() {
        assertThat(MailToAlert.toAlert(mail("<m2@x>", null, null), SUPPORT).summary())
                .isEqualTo("(件名なし / no subject)");
        assertThat(MailToAlert.toAlert(mail("<m2@x>", "  ", null), SUPPORT).summary())
                .isEqualTo(MailToAlert.NO_SUBJECT);
    }

    @Test
    void droppedAttachmentsAreNotedInTheDetails() {
        ParsedMail withNote = new ParsedMail("<m3@x>", "a@example.co.jp", null, List.of(), List.of(), "s", "本文",
                null, null, List.of(), List.of(), List.of("Attachment \"big.zip\" (12.0 MiB) was dropped"));

        assertThat(MailToAlert.toAlert(withNote, SUPPORT).details())
                .isEqualTo("本文\n\n--\nAttachment \"big.zip\" (12.0 MiB) was dropped");
    }

    @Test
    void subjectNamingAnIncidentBecomesAReplyToIt() {
        var result = MailToAlert.convert(mail("<m4@example.co.jp>", "Re: [INC-000042] ディスク不足", "INC-000042"),
                SUPPORT, mailbox(List.of("taro@example.co.jp")));

        assertThat(result).isEqualTo(new MailToAlert.ReplyTo(new MailReply("INC-000042", "taro@example.co.jp",
                "Re: [INC-000042] ディスク不足", "本文です。", List.of(LOG), "<m4@example.co.jp>")));
        assertThat(MailToAlert.toReply(mail("<m5@x>", "新規", null))).isNull();
    }

    @Test
    void senderNotOnTheAllowListIsRefusedWithTheReason() {
        var result = MailToAlert.convert(mail("<m6@x>", "s", null), SUPPORT, mailbox(List.of("@example.com")));

        assertThat(result).isInstanceOf(MailToAlert.Refused.class);
        assertThat(((MailToAlert.Refused) result).reason()).contains("taro@example.co.jp", "allowed-senders");
    }

    @Test
    void disabledIntegrationRefusesTheMail() {
        Integration disabled = new Integration(7, "support-mail", IntegrationType.EMAIL, false, null, null, null,
                null, null, false, false, null, null);

        assertThat(MailToAlert.convert(mail("<m7@x>", "s", null), disabled, mailbox(List.of("@example.co.jp"))))
                .isEqualTo(new MailToAlert.Refused("integration support-mail is disabled"));
    }
}
