package io.incidentflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

class MailboxPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(MailboxProperties.class)
    @Import(MailPolling.class)
    static class Config {
    }

    private static final String[] MAILBOX = {
        "incidentflow.mail.mailboxes[0].name=support",
        "incidentflow.mail.mailboxes[0].integration=support-mail",
        "incidentflow.mail.mailboxes[0].host=127.0.0.1",
        "incidentflow.mail.mailboxes[0].username=support@example.com",
        "incidentflow.mail.mailboxes[0].password=secret",
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void withoutMailboxesTheIntakeIsOffAndNeedsNoMailIntake() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MailboxProperties.class).enabled()).isFalse();
            assertThat(context.getBean(MailPolling.class).polling()).isFalse();
        });
    }

    @Test
    void mailboxGetsSafeDefaults() {
        runner.withPropertyValues(MAILBOX).withBean(MailIntake.class, () -> (mail, mailbox) -> null)
                .withPropertyValues("incidentflow.mail.mailboxes[0].poll-interval=1h")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MailboxProperties.Mailbox mailbox = context.getBean(MailboxProperties.class).mailboxes().get(0);
                    assertThat(mailbox.protocol()).isEqualTo(MailboxProperties.Protocol.IMAPS);
                    assertThat(mailbox.port()).isEqualTo(993);
                    assertThat(mailbox.folder()).isEqualTo("INBOX");
                    assertThat(mailbox.processedFolder()).isNull();
                    assertThat(mailbox.maxAttachmentBytes()).isEqualTo(DataSize.ofBytes(10 * 1024 * 1024));
                    assertThat(mailbox.maxAttachments()).isEqualTo(20);
                    assertThat(mailbox.allowedSenders()).isEmpty();
                    assertThat(mailbox.toString()).doesNotContain("secret");
                    assertThat(context.getBean(MailPolling.class).polling()).isTrue();
                });
        runner.withPropertyValues(MAILBOX).withBean(MailIntake.class, () -> (mail, mailbox) -> null)
                .run(context -> assertThat(context.getBean(MailboxProperties.class).mailboxes().get(0).pollInterval())
                        .isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void plainImapDefaultsToPort143AndSizesAcceptUnits() {
        runner.withPropertyValues(MAILBOX).withPropertyValues("incidentflow.mail.mailboxes[0].protocol=imap",
                "incidentflow.mail.mailboxes[0].max-attachment-bytes=512KB",
                "incidentflow.mail.mailboxes[0].allowed-senders=ops@example.com,@example.co.jp")
                .withBean(MailIntake.class, () -> (mail, mailbox) -> null)
                .run(context -> {
                    MailboxProperties.Mailbox mailbox = context.getBean(MailboxProperties.class).mailboxes().get(0);
                    assertThat(mailbox.port()).isEqualTo(143);
                    assertThat(mailbox.maxAttachmentBytes().toBytes()).isEqualTo(512 * 1024);
                    assertThat(mailbox.allowedSenders()).containsExactly("ops@example.com", "@example.co.jp");
                    context.getBean(MailPolling.class).stop();
                });
    }

    @Test
    void missingPasswordStopsStartupNamingTheSetting() {
        runner.withPropertyValues(MAILBOX).withPropertyValues("incidentflow.mail.mailboxes[0].password=")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("mailboxes[0].password");
                });
    }

    @Test
    void badAllowedSenderStopsStartupNamingTheSetting() {
        runner.withPropertyValues(MAILBOX).withPropertyValues("incidentflow.mail.mailboxes[0].allowed-senders=ops")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("mailboxes[0].allowedSenders[0]");
                });
    }

    @Test
    void unknownProtocolStopsStartupNamingTheSetting() {
        runner.withPropertyValues(MAILBOX).withPropertyValues("incidentflow.mail.mailboxes[0].protocol=pop3")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("mailboxes[0].protocol");
                });
    }

    @Test
    void tooShortPollIntervalStopsStartupNamingTheSetting() {
        runner.withPropertyValues(MAILBOX).withPropertyValues("incidentflow.mail.mailboxes[0].poll-interval=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("mailboxes[0].pollInterval");
                });
    }

    @Test
    void duplicateMailboxNamesStopStartup() {
        runner.withPropertyValues(MAILBOX).withPropertyValues(
                "incidentflow.mail.mailboxes[1].name=support",
                "incidentflow.mail.mailboxes[1].integration=other",
                "incidentflow.mail.mailboxes[1].host=127.0.0.1",
                "incidentflow.mail.mailboxes[1].username=other",
                "incidentflow.mail.mailboxes[1].password=secret")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("mailbox names must be unique");
                });
    }

    @Test
    void mailboxesWithoutAnIntakeStopStartupRatherThanLeaveMailUnread() {
        runner.withPropertyValues(MAILBOX).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("incidentflow.mail.mailboxes").hasMessageContaining("MailIntake");
        });
    }
}
