package io.incidentflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Configured integrations: a bad setting stops the start, and the message names it but never shows a key. */
class IntegrationSettingsTest {

    private static final String KEY = "a-key-from-the-secret-store-0123";

    @Configuration
    @EnableConfigurationProperties(IntegrationSettings.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void noIntegrationsConfiguredIsFine() {
        runner.run(context -> assertThat(context.getBean(IntegrationSettings.class).integrations()).isEmpty());
    }

    @Test
    void aConfiguredIntegrationIsEnabledUnlessSaidOtherwise() {
        runner.withPropertyValues("incidentflow.integrations[0].name=alertmanager-prod",
                        "incidentflow.integrations[0].type=ALERTMANAGER", "incidentflow.integrations[0].key=" + KEY,
                        "incidentflow.integrations[0].default-impact=2")
                .run(context -> {
                    IntegrationSettings.Seed seed = context.getBean(IntegrationSettings.class).integrations().get(0);
                    assertThat(seed.enabled()).isTrue();
                    assertThat(seed.defaults().defaultImpact()).isEqualTo(2);
                    assertThat(seed.toString()).doesNotContain(KEY);
                });
    }

    @Test
    void aKeyShorterThanTwentyFourCharactersStopsTheStartNamingTheSettingButNotTheKey() {
        runner.withPropertyValues("incidentflow.integrations[0].name=alertmanager-prod",
                        "incidentflow.integrations[0].type=ALERTMANAGER", "incidentflow.integrations[0].key=short-key")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("integrations[0].key")
                            .hasMessageNotContaining("short-key");
                });
    }

    @Test
    void aMissingKeyOrTypeStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("incidentflow.integrations[0].name=alertmanager-prod")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("integrations[0].key").hasMessageContaining("integrations[0].type");
                });
    }

    @Test
    void theSameNameTwiceStopsTheStart() {
        runner.withPropertyValues("incidentflow.integrations[0].name=prom", "incidentflow.integrations[0].type=GENERIC",
                        "incidentflow.integrations[0].key=" + KEY, "incidentflow.integrations[1].name=prom",
                        "incidentflow.integrations[1].type=GENERIC", "incidentflow.integrations[1].key=" + KEY + "x")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("name may appear only once");
                });
    }
}
