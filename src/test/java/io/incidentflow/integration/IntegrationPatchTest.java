package io.incidentflow.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.integration.IntegrationValidationException.FieldError;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

/** PATCH /api/integrations/{id} is a JSON merge patch of the defaults: absent keeps, null clears. */
class IntegrationPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final IntegrationDefaults CURRENT = new IntegrationDefaults("server", "web-shop", 3, 2, "application",
            false, true, "{{labels.alertname}}", null);

    @Test
    void aPropertyGivenReplacesAnAbsentOneKeepsItsValueAndNullClears() {
        IntegrationDefaults patched = patch("{\"urgency\": 1, \"service\": null, \"perAlert\": true}").apply(CURRENT);

        assertThat(patched).isEqualTo(new IntegrationDefaults("server", null, 3, 1, "application", true, true,
                "{{labels.alertname}}", null));
    }

    @Test
    void blankTextClearsLikeNull() {
        assertThat(patch("{\"category\": \"  \"}").apply(CURRENT).category()).isNull();
    }

    @Test
    void anEmptyPatchChangesNothing() {
        assertThat(patch("{}").apply(CURRENT)).isEqualTo(CURRENT);
    }

    @Test
    void nameTypeKeyAndStateAreNotDefaultsAndAreRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> patch("{\"name\": \"x\", \"type\": \"ZABBIX\", \"key\": \"k\", \"enabled\": false}"))
                .isInstanceOfSatisfying(IntegrationValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("enabled", "key", "name", "type"));
    }

    @Test
    void anUnknownPropertyIsNamed() {
        assertThatThrownBy(() -> patch("{\"urgancy\": 1}"))
                .isInstanceOfSatisfying(IntegrationValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("urgancy", "is not a known property")));
    }

    @Test
    void valuesOutsideTheirRangeAreNamed() {
        IntegrationPatch patch = patch("{\"urgency\": 4, \"defaultImpact\": 0, \"category\": \"" + "c".repeat(51) + "\"}");

        assertThatThrownBy(() -> patch.apply(CURRENT))
                .isInstanceOfSatisfying(IntegrationValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("category", "defaultImpact", "urgency"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        IntegrationPatch patch = patch("{\"urgency\": \"high\"}");

        assertThatThrownBy(() -> patch.apply(CURRENT))
                .isInstanceOfSatisfying(IntegrationValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("urgency"));
    }

    @Test
    void aBodyThatIsNoObjectIsRefused() {
        assertThatThrownBy(() -> patch("[1]")).isInstanceOf(IntegrationValidationException.class);
    }

    private static IntegrationPatch patch(String body) {
        try {
            return IntegrationPatch.of(JSON.readTree(body), JSON, VALIDATOR);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
