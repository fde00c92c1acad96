package io.incidentflow.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The runbook settings bind as docs/runbooks.md writes them, and a bad one stops the start naming itself. */
class RunbookPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(RunbookProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void withoutSettingsNoServiceHasAHook() {
        runner.run(context -> {
            RunbookProperties properties = context.getBean(RunbookProperties.class);
            assertThat(properties.restartHooks()).isEmpty();
            assertThat(properties.http().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void hooksBindByServiceNameWithTheirHeaders() {
        runner.withPropertyValues(
                "incidentflow.runbooks.restart-hooks.customer-db.url=https://ops.example.co.jp/hooks/restart/customer-db",
                "incidentflow.runbooks.restart-hooks.customer-db.headers.Authorization=Bearer abc").run(context -> {
                    RunbookProperties.Hook hook = context.getBean(RunbookProperties.class).restartHooks()
                            .get("customer-db");
                    assertThat(hook.url()).isEqualTo(URI.create("https://ops.example.co.jp/hooks/restart/customer-db"));
                    assertThat(hook.headers()).containsEntry("Authorization", "Bearer abc");
                });
    }

    @Test
    void aHookWithoutAnAbsoluteUrlStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("incidentflow.runbooks.restart-hooks.customer-db.url=/hooks/restart").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("incidentflow.runbooks").hasMessageContaining("restartHooks[customer-db].url")
                        .hasMessageContaining("must be an absolute http(s) URL"));
    }
}
