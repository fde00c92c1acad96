package io.incidentflow.notification;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.incidentflow.contact.MailCharset;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Notification settings ({@code incidentflow.notification.*}); the SMTP server itself is Spring's
 * {@code spring.mail.*}. A bad setting stops the start-up, naming it. See docs/notifications.md.
 *
 * @param templateDir where templates are looked up first: {@code classpath:…} or a directory on the file system
 *                    ({@code /etc/incidentflow/templates} or {@code file:/etc/…}); the built-in templates answer
 *                    for any file it lacks
 * @param sms         the SMS provider; without it SMS channels cannot be used (nor activated)
 * @param voice       the voice-call provider; without it voice channels cannot be used (nor activated)
 */
@Validated
@ConfigurationProperties("incidentflow.notification")
record NotificationProperties(
        @DefaultValue(MessageTemplates.BUILT_IN_LOCATION) @NotBlank String templateDir,
        @DefaultValue @NotNull @Valid Mail mail,
        @DefaultValue @NotNull @Valid Http http,
        @Valid PhoneProvider sms,
        @Valid PhoneProvider voice) {

    /**
     * @param from         the sender address; without it e-mail channels cannot be used
     * @param fromName     the sender's display name, e.g. インシデント管理
     * @param charsetRules the charset for contacts who chose none, by recipient domain; first match wins, and
     *                     without a match mail is UTF-8
     */
    record Mail(
            @Email String from,
            String fromName,
            @DefaultValue List<@Valid @NotNull CharsetRule> charsetRules) {
    }

    /**
     * @param domain {@code example.co.jp} (that domain) or {@code *.co.jp} (any domain below co.jp)
     */
    record CharsetRule(
            @NotBlank @Pattern(regexp = "(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*",
                    message = "must be a domain such as example.co.jp or *.co.jp") String domain,
            @NotNull MailCharset charset) {

        boolean matches(String address) {
            String host = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            String rule = domain.toLowerCase(Locale.ROOT);
            return rule.startsWith("*.") ? host.endsWith(rule.substring(1)) : host.equals(rule);
        }
    }

    /** Limits of every HTTP call (chat webhooks, SMS and voice providers): a job must never hang on one. */
    record Http(
            @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
            @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration requestTimeout) {
    }

    /**
     * An HTTP API that sends SMS or places calls: Twilio, a gateway in front of Amazon SNS, a modem service.
     * {@code url} and {@code bodyTemplate} take {@code {{to}}}, {@code {{text}}}, {@code {{textXml}}} and
     * {@code {{language}}}, escaped for where they stand (see docs/notifications.md).
     *
     * @param headers e.g. {@code Authorization}; values usually come from the environment
     */
    record PhoneProvider(
            @NotBlank @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String url,
            @DefaultValue("POST") @Pattern(regexp = "GET|POST|PUT", message = "must be GET, POST or PUT") String method,
            @DefaultValue Map<String, String> headers,
            @DefaultValue("application/x-www-form-urlencoded") @NotBlank String contentType,
            String bodyTemplate) {

        @AssertTrue(message = "body-template is required unless the method is GET")
        boolean isBodyTemplateGiven() {
            return "GET".equals(method) || (bodyTemplate != null && !bodyTemplate.isBlank());
        }

        /** Never print the headers: they hold the provider's credentials. */
        @Override
        public String toString() {
            return method + " " + url;
        }
    }
}
