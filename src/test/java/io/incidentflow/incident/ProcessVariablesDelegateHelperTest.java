package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The converter every delegate reads through: values as Tasklist, REST and DMN really deliver them. */
class ProcessVariablesDelegateHelperTest {

    @Test
    void wholeNumbersArriveAsTextOrAnyNumberType() {
        assertThat(ProcessVariables.integer(scope("impact", "4"), "impact")).isEqualTo(4);
        assertThat(ProcessVariables.integer(scope("impact", " 4 "), "impact")).isEqualTo(4);
        assertThat(ProcessVariables.integer(scope("impact", "4.0"), "impact")).isEqualTo(4);
        assertThat(ProcessVariables.integer(scope("impact", 4L), "impact")).isEqualTo(4);
        assertThat(ProcessVariables.integer(scope("impact", (short) 4), "impact")).isEqualTo(4);
        assertThat(ProcessVariables.integer(scope("impact", 4.0d), "impact")).isEqualTo(4);
        assertThat(ProcessVariables.integer(scope("impact", ""), "impact")).isNull();
        assertThat(ProcessVariables.integer(scope("other", "4"), "impact")).isNull();
        assertThat(ProcessVariables.incidentId(scope("incidentId", "42"))).isEqualTo(42L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"high", "4.5", "99999999999"})
    void somethingElseIsRejectedNamingTheVariable(String value) {
        assertThatThrownBy(() -> ProcessVariables.integer(scope("impact", value), "impact"))
                .isInstanceOfSatisfying(IncidentValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("impact"));
    }

    @Test
    void aMissingIncidentIdIsAnError() {
        assertThatThrownBy(() -> ProcessVariables.incidentId(scope("title", "x")))
                .isInstanceOf(IncidentValidationException.class).hasMessageContaining("incidentId");
    }

    @Test
    void textIsKeptAsEnteredAndBlankIsNothing() {
        assertThat(ProcessVariables.text(scope("diagnosis", "  二行\n目 "), "diagnosis")).isEqualTo("  二行\n目 ");
        assertThat(ProcessVariables.text(scope("diagnosis", " \n"), "diagnosis")).isNull();
    }

    @Test
    void booleansArriveAsBooleanOrText() {
        assertThat(ProcessVariables.bool(scope("preClassified", true), "preClassified")).isTrue();
        assertThat(ProcessVariables.bool(scope("preClassified", "TRUE"), "preClassified")).isTrue();
        assertThat(ProcessVariables.bool(scope("preClassified", "false"), "preClassified")).isFalse();
        assertThat(ProcessVariables.bool(scope("other", "true"), "preClassified")).isNull();
        assertThatThrownBy(() -> ProcessVariables.bool(scope("preClassified", "yes"), "preClassified"))
                .isInstanceOf(IncidentValidationException.class);
    }

    @Test
    void pointsInTimeArriveInManyShapesAndLeaveInUtc() {
        OffsetDateTime expected = OffsetDateTime.parse("2025-03-01T08:00:00Z");
        assertThat(ProcessVariables.dateTime(scope("t", Date.from(expected.toInstant())), "t")).isEqualTo(expected);
        assertThat(ProcessVariables.dateTime(scope("t", "2025-03-01T17:00:00+09:00"), "t")).isEqualTo(expected);
        assertThat(ProcessVariables.dateTime(scope("t", "2025-03-01T08:00"), "t")).isEqualTo(expected);
        assertThat(ProcessVariables.dateTime(scope("t", LocalDateTime.parse("2025-03-01T08:00")), "t"))
                .isEqualTo(expected);
        assertThat(ProcessVariables.dateTime(scope("t", "2025-03-01"), "t"))
                .isEqualTo(OffsetDateTime.parse("2025-03-01T00:00:00Z"));
        assertThat(ProcessVariables.dateTime(scope("t", ""), "t")).isNull();
        assertThatThrownBy(() -> ProcessVariables.dateTime(scope("t", "yesterday"), "t"))
                .isInstanceOf(IncidentValidationException.class);
    }

    @Test
    void targetsAreIsoDurationsIncludingDays() {
        assertThat(ProcessVariables.duration("PT15M", "responseTarget")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ProcessVariables.duration("P5D", "resolutionTarget")).isEqualTo(Duration.ofDays(5));
        assertThatThrownBy(() -> ProcessVariables.duration(null, "resolutionTarget"))
                .isInstanceOf(IncidentValidationException.class).hasMessageContaining("resolutionTarget");
    }

    /** A variable scope that only answers getVariable, which is all the converter uses. */
    private static VariableScope scope(String name, Object value) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(name, value);
        return FakeExecution.with(variables).execution();
    }
}
