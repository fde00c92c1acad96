package io.incidentflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.incidentflow.contact.MailCharset;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The settings bind as docs/notifications.md writes them, and a bad one stops the start naming itself. */
class NotificationPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(NotificationProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void withoutSettingsTemplatesAreBuiltInMailIsUtf8AndNoPhoneProviderIsConfigured() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            NotificationProperties properties = context.getBean(NotificationProperties.class);
            assertThat(properties.templateDir()).isEqualTo("classpath:notification-templates/");
            assertThat(properties.mail().from()).isNull();
            assertThat(properties.mail().charsetRules()).isEmpty();
            assertThat(properties.http().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.http().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.sms()).isNull();
            assertThat(properties.voice()).isNull();
        });
    }

    @Test
    void charsetRulesAndAProviderBindAsDocumented() {
        runner.withPropertyValues(
                "incidentflow.notification.mail.from=incidentflow@example.co.jp",
                "incidentflow.notification.mail.charset-rules[0].domain=*.co.jp",
                "incidentflow.notification.mail.charset-rules[0].charset=ISO-2022-JP",
                "incidentflow.notification.sms.url=https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json",
                "incidentflow.notification.sms.headers.Authorization=Basic c2VjcmV0",
                "incidentflow.notification.sms.body-template=To={{to}}&Body={{text}}").run(context -> {
                    assertThat(context).hasNotFailed();
                    NotificationProperties properties = context.getBean(NotificationProperties.class);
                    assertThat(properties.mail().charsetRules()).containsExactly(
                            new NotificationProperties.CharsetRule("*.co.jp", MailCharset.ISO_2022_JP));
                    assertThat(properties.sms().method()).isEqualTo("POST");
                    assertThat(properties.sms().contentType()).isEqualTo("application/x-www-form-urlencoded");
                    assertThat(properties.sms().headers()).containsEntry("Authorization", "Basic c2VjcmV0");
                    assertThat(properties.sms()).hasToString(
                            "POST https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json");
                });
    }

    @Test
    void aProviderThatPostsWithoutABodyTemplateStopsTheStart() {
        runner.withPropertyValues("incidentflow.notification.voice.url=https://voice.example.com/call").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("voice.bodyTemplateGiven")
                    .hasMessageContaining("body-template is required unless the method is GET");
        });
    }

    @Test
    void aBadSenderOrDomainRuleStopsTheStartNamingIt() {
        runner.withPropertyValues("incidentflow.notification.mail.from=not an address",
                "incidentflow.notification.mail.charset-rules[0].domain=@example.co.jp",
                "incidentflow.notification.mail.charset-rules[0].charset=UTF-8").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("mail.from")
                            .hasMessageContaining("mail.charsetRules[0].domain");
                });
    }
}
