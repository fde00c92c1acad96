package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityMatrixTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision priorityMatrix;

    @BeforeAll
    static void parseDecision() throws IOException {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = PriorityMatrixTest.class.getResourceAsStream("/processes/priority-matrix.dmn")) {
            priorityMatrix = dmnEngine.parseDecision("priority-matrix", model);
        }
    }

    // Written out rather than computed, so that the table is checked against the agreed matrix.
    @ParameterizedTest(name = "impact {0}, urgency {1}: P{2}, respond within {3}, resolve within {4}")
    @CsvSource({
        "1, 1, 1, PT15M, PT4H",
        "1, 2, 2, PT30M, PT8H",
        "1, 3, 3, PT4H,  P1D",
        "2, 1, 2, PT30M, PT8H",
        "2, 2, 3, PT4H,  P1D",
        "2, 3, 4, PT8H,  P3D",
        "3, 1, 3, PT4H,  P1D",
        "3, 2, 4, PT8H,  P3D",
        "3, 3, 5, P1D,   P5D",
        "4, 1, 4, PT8H,  P3D",
        "4, 2, 5, P1D,   P5D",
        "4, 3, 5, P1D,   P5D",
        "5, 1, 5, P1D,   P5D",
        "5, 2, 5, P1D,   P5D",
        "5, 3, 5, P1D,   P5D",
    })
    void decidesPriorityAndTargetsForEveryImpactAndUrgency(
            int impact, int urgency, int priority, String responseTarget, String resolutionTarget) {
        DmnDecisionResult result = evaluate(impact, urgency);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).isEqualTo(Map.of(
                "priority", priority,
                "responseTarget", responseTarget,
                "resolutionTarget", resolutionTarget));
    }

    @Test
    void acceptsImpactAndUrgencySubmittedAsText() {
        // Tasklist submits select values untyped, e.g. "1"; the typed inputs convert them.
        DmnDecisionResult result = evaluate("1", "1");

        assertThat(result.getSingleResult().<Integer>getEntry("priority")).isEqualTo(1);
    }

    @ParameterizedTest(name = "impact {0}, urgency {1}")
    @CsvSource({"0, 1", "6, 1", "1, 0", "1, 4"})
    void valuesOutsideTheScalesMatchNoRule(int impact, int urgency) {
        assertThat(evaluate(impact, urgency)).isEmpty();
    }

    private static DmnDecisionResult evaluate(Object impact, Object urgency) {
        return dmnEngine.evaluateDecision(priorityMatrix,
                Variables.createVariables().putValue("impact", impact).putValue("urgency", urgency));
    }
}
