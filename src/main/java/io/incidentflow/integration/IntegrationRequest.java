package io.incidentflow.integration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new integration as an administrator describes it; the key is never part of it, it is generated. */
record IntegrationRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
        @NotNull IntegrationType type,
        @Size(max = 50) String category,
        @Size(max = 100) String service,
        @Min(1) @Max(5) Integer defaultImpact,
        @Min(1) @Max(3) Integer urgency,
        @Size(max = 100) String resolverGroup,
        boolean perAlert,
        boolean autoResolve,
        @Size(max = 500) String dedupTemplate,
        @Size(max = 100) String responsePlan) {

    static final String NAME = "[a-z0-9][a-z0-9-]*";
    static final String NAME_MESSAGE = "lower-case letters, digits and dashes";

    IntegrationDefaults defaults() {
        return new IntegrationDefaults(category, service, defaultImpact, urgency, resolverGroup, perAlert, autoResolve,
                dedupTemplate, responsePlan);
    }
}
