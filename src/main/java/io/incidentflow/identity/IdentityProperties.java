package io.incidentflow.identity;

import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who exists from the first start. There is deliberately no default password: the administrator's
 * comes from {@code INCIDENTFLOW_IDENTITY_ADMIN_PASSWORD} or is generated and printed once.
 */
@Validated
@ConfigurationProperties("incidentflow.identity")
public record IdentityProperties(
        @DefaultValue("admin") @NotBlank @Pattern(regexp = ID) String adminUser,
        @Size(min = 12, message = "must be at least 12 characters") String adminPassword,
        @DefaultValue({"network", "database", "application"}) @NotEmpty
        List<@Pattern(regexp = ID) String> resolverGroups,
        @DefaultValue List<@Valid SeedUser> users) {

    static final String ID = "[a-z0-9][a-z0-9-]*";

    /** Responders: they work incident tasks in Tasklist. */
    public List<String> responderGroups() {
        return Stream.concat(Stream.of(Groups.SERVICE_DESK, Groups.INCIDENT_MANAGERS), resolverGroups.stream())
                .toList();
    }

    public record SeedUser(
            @NotBlank @Pattern(regexp = ID) String id,
            String firstName,
            String lastName,
            String email,
            @NotBlank @Size(min = 12, message = "must be at least 12 characters") String password,
            @DefaultValue List<String> groups) {
    }
}
