package io.incidentflow.acklink;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * One-click acknowledge links ({@code incidentflow.ack-links.*}); a bad setting stops the start-up, naming it.
 * See docs/acknowledge-links.md.
 *
 * @param baseUrl  where recipients reach this server, e.g. {@code https://incidents.example.co.jp}; links are
 *                 absolute because they travel in mail, SMS and chat
 * @param secret   the HMAC-SHA256 key, from {@code INCIDENTFLOW_ACK_LINKS_SECRET}; without it a key is generated
 *                 once and kept in the database (development), too short a key is refused
 * @param validity how long a link can be used after it was made
 */
@Validated
@ConfigurationProperties("incidentflow.ack-links")
record AckLinkProperties(
        @DefaultValue("http://localhost:8080") @NotNull
        @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?", message = "must be an absolute http(s) URL without query")
        String baseUrl,
        @Size(min = AckLinkProperties.MIN_SECRET_LENGTH,
                message = "must be at least " + AckLinkProperties.MIN_SECRET_LENGTH + " characters") String secret,
        @DefaultValue("24h") @NotNull @DurationMin(minutes = 1) Duration validity) {

    /** 32 characters are at least 32 bytes: the HMAC-SHA256 output length, the least RFC 2104 recommends. */
    static final int MIN_SECRET_LENGTH = 32;

    /** The base URL without a trailing slash, so that {@code /ack/…} can be appended as is. */
    String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Never print the key, e.g. when a failed start lists the bound settings. */
    @Override
    public String toString() {
        return "AckLinkProperties[baseUrl=" + baseUrl + ", secret=" + (secret == null ? "none" : "***")
                + ", validity=" + validity + "]";
    }
}
