package io.incidentflow.integration;

import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Integrations that exist because configuration says so ({@code incidentflow.integrations[...]}), e.g. the
 * Alertmanager of a Helm chart whose key comes from a Kubernetes secret. At every start each is created or
 * brought in line with its settings, matched by name.
 */
@Validated
@ConfigurationProperties("incidentflow")
record IntegrationSettings(@DefaultValue List<@Valid Seed> integrations) {

    @AssertTrue(message = "each integration name may appear only once in incidentflow.integrations")
    boolean isEachNameOnce() {
        return integrations.stream().map(Seed::name).filter(Objects::nonNull).distinct().count()
                == integrations.stream().map(Seed::name).filter(Objects::nonNull).count();
    }

    @AssertTrue(message = "each key may appear only once in incidentflow.integrations: a key names one integration")
    boolean isEachKeyOnce() {
        return integrations.stream().map(Seed::key).filter(Objects::nonNull).distinct().count()
                == integrations.stream().map(Seed::key).filter(Objects::nonNull).count();
    }

    /**
     * @param key the secret senders present, normally from the environment (e.g.
     *            {@code INCIDENTFLOW_INTEGRATIONS_0_KEY}); only its hash is stored
     */
    record Seed(
            @NotBlank @Size(max = 100) @Pattern(regexp = IntegrationRequest.NAME,
                    message = IntegrationRequest.NAME_MESSAGE) String name,
            @NotNull IntegrationType type,
            @NotNull String key,
            @DefaultValue("true") boolean enabled,
            @Size(max = 50) String category,
            @Size(max = 100) String service,
            @Min(1) @Max(5) Integer defaultImpact,
            @Min(1) @Max(3) Integer urgency,
            @Size(max = 100) String resolverGroup,
            boolean perAlert,
            boolean autoResolve,
            @Size(max = 500) String dedupTemplate,
            @Size(max = 100) String responsePlan) {

        /**
         * Checked here rather than with constraints on {@code key}: a failed constraint puts the rejected value
         * into the start-up error, and that would print the secret into the log.
         */
        @AssertTrue(message = "the key must be 24 to 200 characters without spaces")
        boolean isKeyStrongEnough() {
            return key == null || key.length() >= 24 && key.length() <= 200
                    && key.chars().noneMatch(Character::isWhitespace);
        }

        IntegrationDefaults defaults() {
            return new IntegrationDefaults(category, service, defaultImpact, urgency, resolverGroup, perAlert,
                    autoResolve, dedupTemplate, responsePlan);
        }

        /** Settings end up in logs and actuator output; the key must not. */
        @Override
        public String toString() {
            return "Seed[name=" + name + ", type=" + type + ", key=****, enabled=" + enabled + "]";
        }
    }
}
