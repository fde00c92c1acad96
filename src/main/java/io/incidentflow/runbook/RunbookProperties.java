package io.incidentflow.runbook;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the shipped runbooks ({@code incidentflow.runbooks.*}); see docs/runbooks.md. Hook URLs come
 * from here, never from a process variable: anyone who completes a task can set a variable, and the server
 * would then post wherever that person chose.
 *
 * @param restartHooks by service name (as on the incident), what Call restart hook posts to
 */
@Validated
@ConfigurationProperties("incidentflow.runbooks")
record RunbookProperties(
        @DefaultValue Map<String, @Valid @NotNull Hook> restartHooks,
        @DefaultValue @NotNull @Valid Http http) {

    /** @param headers e.g. {@code Authorization}; values usually come from the environment */
    record Hook(@NotNull URI url, @DefaultValue Map<String, String> headers) {

        @AssertTrue(message = "must be an absolute http(s) URL")
        boolean isUrl() {
            return url == null || url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()));
        }
    }

    /** A job must never hang on a hook: the job executor's lock would run out while it still waits. */
    record Http(
            @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
            @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration requestTimeout) {
    }
}
