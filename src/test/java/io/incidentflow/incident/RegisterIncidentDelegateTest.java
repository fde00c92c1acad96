package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RegisterIncidentDelegateTest {

    private final IncidentService incidents = mock(IncidentService.class);
    private final RegisterIncidentDelegate delegate = new RegisterIncidentDelegate(incidents);

    @Test
    void formValuesAsTextReachTheServiceAsNumbersAndTheNumberIsWrittenBack() {
        when(incidents.register(any(), eq(FakeExecution.PROCESS_INSTANCE_ID)))
                .thenReturn(IncidentFixtures.registered(42, "tasklist", 4, 2));
        FakeExecution execution = FakeExecution.with(Map.of("title", "VPN down", "impact", "4", "urgency", "2",
                "reporter", "alice", "detectedAt", "2025-03-01T08:00:00Z"));

        delegate.execute(execution.execution());

        ArgumentCaptor<NewIncident> reported = ArgumentCaptor.forClass(NewIncident.class);
        verify(incidents).register(reported.capture(), eq(FakeExecution.PROCESS_INSTANCE_ID));
        assertThat(reported.getValue().impact()).isEqualTo(4);
        assertThat(reported.getValue().urgency()).isEqualTo(2);
        assertThat(reported.getValue().reporter()).isEqualTo("alice");
        assertThat(reported.getValue().detectedAt()).isEqualTo(OffsetDateTime.parse("2025-03-01T08:00:00Z"));
        assertThat(execution.variables())
                .containsEntry("incidentId", 42L)
                .containsEntry("incidentNumber", "INC-000042")
                .containsEntry("source", "tasklist")
                .containsEntry("preClassified", false)
                .containsEntry("impact", 4)
                .containsEntry("urgency", 2);
        assertThat(execution.businessKey()).isEqualTo("INC-000042");
    }

    @Test
    void aPreClassifiedReportFromTheApiStaysPreClassified() {
        when(incidents.register(any(), any())).thenReturn(IncidentFixtures.registered(7, "api", 2, 1));
        Date detected = Date.from(OffsetDateTime.parse("2025-03-01T08:00:00Z").toInstant());
        FakeExecution execution = FakeExecution.with(Map.of("title", "VPN down", "impact", 2, "urgency", 1,
                "category", "network", "service", "vpn", "source", "api", "preClassified", true,
                "detectedAt", detected));

        delegate.execute(execution.execution());

        ArgumentCaptor<NewIncident> reported = ArgumentCaptor.forClass(NewIncident.class);
        verify(incidents).register(reported.capture(), any());
        assertThat(reported.getValue().detectedAt()).isEqualTo(OffsetDateTime.parse("2025-03-01T08:00:00Z"));
        assertThat(reported.getValue().source()).isEqualTo("api");
        assertThat(execution.variables()).containsEntry("preClassified", true).containsEntry("source", "api");
    }

    @Test
    void aBusinessKeyGivenAtTheStartIsKept() {
        when(incidents.register(any(), any())).thenReturn(IncidentFixtures.registered(7, "api", null, null));
        FakeExecution execution = FakeExecution.with(Map.of("title", "VPN down"));
        execution.execution().setProcessBusinessKey("alert-4711");

        delegate.execute(execution.execution());

        assertThat(execution.businessKey()).isEqualTo("alert-4711");
    }

    @Test
    void anImpactThatIsNoNumberIsRejectedNamingTheField() {
        FakeExecution execution = FakeExecution.with(Map.of("title", "VPN down", "impact", "high"));

        assertThatThrownBy(() -> delegate.execute(execution.execution()))
                .isInstanceOfSatisfying(IncidentValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("impact"));
        verifyNoInteractions(incidents);
    }
}
