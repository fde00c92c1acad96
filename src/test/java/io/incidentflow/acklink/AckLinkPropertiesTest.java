package io.incidentflow.acklink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The settings bind as docs/acknowledge-links.md writes them, and a bad one stops the start naming itself. */
class AckLinkPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(AckLinkProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void withoutSettingsLinksPointAtLocalhostLastADayAndTheKeyComesFromTheDatabase() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            AckLinkProperties properties = context.getBean(AckLinkProperties.class);
            assertThat(properties.base()).isEqualTo("http://localhost:8080");
            assertThat(properties.secret()).isNull();
            assertThat(properties.validity()).isEqualTo(Duration.ofHours(24));
        });
    }

    @Test
    void settingsBindAsDocumentedAndTheSecretIsNeverPrinted() {
        runner.withPropertyValues("incidentflow.ack-links.base-url=https://incidents.example.co.jp/",
                "incidentflow.ack-links.secret=0123456789abcdef0123456789abcdef",
                "incidentflow.ack-links.validity=2h").run(context -> {
                    AckLinkProperties properties = context.getBean(AckLinkProperties.class);
                    assertThat(properties.base()).isEqualTo("https://incidents.example.co.jp");
                    assertThat(properties.validity()).isEqualTo(Duration.ofHours(2));
                    assertThat(properties.toString()).doesNotContain("0123456789");
                });
    }

    @Test
    void tooShortASecretStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("incidentflow.ack-links.secret=only-31-characters-long-secret!").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("incidentflow.ack-links.secret")
                        .hasMessageContaining("at least 32 characters"));
    }

    @Test
    void relativeBaseUrlStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("incidentflow.ack-links.base-url=incidents.example.co.jp").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("incidentflow.ack-links.base-url"));
    }
}
