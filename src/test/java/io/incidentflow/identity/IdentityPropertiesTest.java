package io.incidentflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class IdentityPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(IdentityProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void shortAdminPasswordStopsStartupNamingTheSetting() {
        runner.withPropertyValues("incidentflow.identity.admin-password=short").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("adminPassword");
        });
    }

    @Test
    void seededUserWithoutPasswordStopsStartupNamingTheUser() {
        runner.withPropertyValues("incidentflow.identity.users[0].id=desk", "incidentflow.identity.users[0].groups=service-desk")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("users[0].password");
                });
    }

    @Test
    void missingAdminPasswordIsAllowedBecauseOneIsGenerated() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            IdentityProperties properties = context.getBean(IdentityProperties.class);
            assertThat(properties.adminPassword()).isNull();
            assertThat(properties.responderGroups())
                    .containsExactly("service-desk", "incident-managers", "network", "database", "application");
        });
    }
}
