package io.incidentflow.integration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator sets on an integration; the key is never part of it. */
record IntegrationRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "lower-case letters, digits and dashes")
        String name,
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
}
