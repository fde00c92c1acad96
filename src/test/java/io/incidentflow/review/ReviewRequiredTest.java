package io.incidentflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewRequiredTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision reviewRequired;

    @BeforeAll
    static void parseDecision() throws IOException {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = ReviewRequiredTest.class.getResourceAsStream("/processes/review-required.dmn")) {
            reviewRequired = dmnEngine.parseDecision("review-required", model);
        }
    }

    @ParameterizedTest(name = "P{0}: review required {1}")
    @CsvSource({"1, true", "2, true", "3, false", "4, false", "5, false"})
    void majorIncidentsAreReviewedOthersAreNot(int priority, boolean required) {
        assertThat(evaluate(priority).<Boolean>getSingleEntry()).isEqualTo(required);
    }

    @Test
    void priorityAsTextIsConverted() {
        assertThat(evaluate("2").<Boolean>getSingleEntry()).isEqualTo(true);
    }

    @Test
    void anIncidentWithoutPriorityIsNotReviewed() {
        assertThat(evaluate(null).<Boolean>getSingleEntry()).isEqualTo(false);
    }

    private static DmnDecisionResult evaluate(Object priority) {
        return dmnEngine.evaluateDecision(reviewRequired, Variables.createVariables().putValue("priority", priority));
    }
}
