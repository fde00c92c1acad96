package io.incidentflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ContactPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(ContactProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void codesLiveFifteenMinutesAndAllowFiveGuessesOverHttpsOnlyByDefault() {
        runner.run(context -> {
            ContactProperties properties = context.getBean(ContactProperties.class);
            assertThat(properties.activationCodeTtl()).isEqualTo(Duration.ofMinutes(15));
            assertThat(properties.activationMaxAttempts()).isEqualTo(5);
            assertThat(properties.allowPlainHttpWebhooks()).isFalse();
        });
    }

    @Test
    void noGuessAtAllOrACodeForAWeekStopsTheStart() {
        runner.withPropertyValues("incidentflow.contacts.activation-max-attempts=0",
                "incidentflow.contacts.activation-code-ttl=7d").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("activationMaxAttempts")
                            .hasMessageContaining("activationCodeTtl");
                });
    }
}
