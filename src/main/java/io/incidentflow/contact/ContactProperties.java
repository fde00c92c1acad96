package io.incidentflow.contact;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Contact settings ({@code incidentflow.contacts.*}).
 *
 * @param activationCodeTtl      how long a code sent to a new channel is valid
 * @param activationMaxAttempts  wrong guesses allowed per code; then the code is void and a new one must be sent.
 *                               A six-digit code and five guesses give a guesser 1 in 200,000.
 * @param allowPlainHttpWebhooks accept {@code http://} chat and webhook URLs (a relay on the local network);
 *                               off by default, because the URL, the contact's credential, would travel in clear
 */
@Validated
@ConfigurationProperties("incidentflow.contacts")
record ContactProperties(
        @DefaultValue("15m") @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 24) Duration activationCodeTtl,
        @DefaultValue("5") @Min(1) @Max(10) int activationMaxAttempts,
        @DefaultValue("false") boolean allowPlainHttpWebhooks) {
}
