package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordClassificationDelegateTest {

    private static final OffsetDateTime RESPONSE_DUE = OffsetDateTime.parse("2025-03-01T09:30:00Z");
    private static final OffsetDateTime RESOLUTION_DUE = OffsetDateTime.parse("2025-03-01T17:00:00Z");

    private final IncidentService incidents = mock(IncidentService.class);
    private final RecordClassificationDelegate delegate = new RecordClassificationDelegate(incidents);

    @Test
    void theDecisionBecomesTypedVariablesAndDueDates() {
        when(incidents.classify(anyLong(), any(), any(), anyInt(), anyInt(), anyInt(), any(), any(), any()))
                .thenReturn(new Classification(RESPONSE_DUE, RESOLUTION_DUE));
        FakeExecution execution = FakeExecution.with(variables("4", "2"));

        delegate.execute(execution.execution());

        verify(incidents).classify(42L, "network", "vpn", 4, 2, 5, Duration.ofHours(8), Duration.ofDays(3), "network");
        assertThat(execution.variables())
                .containsEntry("priority", 5)
                .containsEntry("impact", 4)
                .containsEntry("urgency", 2)
                .containsEntry("responseDueAt", Date.from(RESPONSE_DUE.toInstant()))
                .containsEntry("resolutionDueAt", Date.from(RESOLUTION_DUE.toInstant()))
                .doesNotContainKey("priorityDecision");
    }

    @Test
    void numbersThatAreAlreadyNumbersAreTakenAsTheyAre() {
        when(incidents.classify(anyLong(), any(), any(), anyInt(), anyInt(), anyInt(), any(), any(), any()))
                .thenReturn(new Classification(RESPONSE_DUE, RESOLUTION_DUE));
        Map<String, Object> variables = variables(2, 1L);
        variables.put("priorityDecision", Map.of("priority", 2L, "responseTarget", "PT30M", "resolutionTarget", "PT8H"));
        FakeExecution execution = FakeExecution.with(variables);

        delegate.execute(execution.execution());

        verify(incidents).classify(42L, "network", "vpn", 2, 1, 2, Duration.ofMinutes(30), Duration.ofHours(8),
                "network");
        assertThat(execution.variables()).containsEntry("priority", 2).containsEntry("urgency", 1);
    }

    @Test
    void aMissingDecisionFailsWithoutTouchingTheIncident() {
        Map<String, Object> variables = variables("4", "2");
        variables.remove("priorityDecision");

        assertThatThrownBy(() -> delegate.execute(FakeExecution.with(variables).execution()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("priorityDecision");
        verifyNoInteractions(incidents);
    }

    @Test
    void aTargetThatIsNoDurationIsRejectedNamingIt() {
        Map<String, Object> variables = variables("4", "2");
        variables.put("priorityDecision", Map.of("priority", 5, "responseTarget", "8 hours", "resolutionTarget", "P3D"));

        assertThatThrownBy(() -> delegate.execute(FakeExecution.with(variables).execution()))
                .isInstanceOf(IncidentValidationException.class).hasMessageContaining("responseTarget");
        verify(incidents, org.mockito.Mockito.never())
                .classify(anyLong(), anyString(), anyString(), anyInt(), anyInt(), anyInt(), any(), any(), any());
    }

    private static Map<String, Object> variables(Object impact, Object urgency) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("incidentId", 42L);
        variables.put("category", "network");
        variables.put("service", "vpn");
        variables.put("impact", impact);
        variables.put("urgency", urgency);
        variables.put("resolverGroup", "network");
        variables.put("priorityDecision", Map.of("priority", 5, "responseTarget", "PT8H", "resolutionTarget", "P3D"));
        return variables;
    }
}
