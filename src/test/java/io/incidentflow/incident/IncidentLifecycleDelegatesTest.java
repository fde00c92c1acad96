package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import io.incidentflow.tasklist.TaskNaming;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/** The delegates after classification: each reads its form's variables and calls the one service method. */
class IncidentLifecycleDelegatesTest {

    private final IncidentService incidents = mock(IncidentService.class);
    private final IdentityService identityService = mock(IdentityService.class);
    private final TaskNaming taskNaming = mock(TaskNaming.class);

    @Test
    void closeAsNotIncidentPassesTheClassificationAndReason() {
        new CloseAsNotIncidentDelegate(incidents).execute(FakeExecution.with(Map.of("incidentId", "42",
                "classification", "noise", "classificationReason", "test alert")).execution());

        verify(incidents).closeAsNotIncident(42L, "noise", "test alert");
    }

    @Test
    void escalateToIncidentManagerEscalatesTheIncident() {
        new EscalateToIncidentManagerDelegate(incidents).execute(FakeExecution.with(Map.of("incidentId", 42L))
                .execution());

        verify(incidents).escalateToIncidentManager(42L);
    }

    @Test
    void afterCoordinationTheIncidentManagerAndTheirNoteAreRecorded() {
        signedIn("carol");

        new EscalateToResolverGroupDelegate(incidents, identityService).execute(FakeExecution.with(Map.of(
                "incidentId", 42L, "priority", 1, "resolverGroup", "database",
                "incidentManagerNote", "Bridge call at 10:00")).execution());

        verify(incidents).escalateToResolverGroup(42L, "database");
        verify(incidents).recordCoordination(42L, "carol", "Bridge call at 10:00");
    }

    @Test
    void aFirstLineEscalationRecordsNoIncidentManager() {
        signedIn("frank");

        new EscalateToResolverGroupDelegate(incidents, identityService).execute(FakeExecution.with(Map.of(
                "incidentId", 42L, "priority", "4", "resolverGroup", "network")).execution());

        verify(incidents).escalateToResolverGroup(42L, "network");
        verify(incidents, never()).recordCoordination(org.mockito.ArgumentMatchers.anyLong(), anyString(), anyString());
    }

    @Test
    void recordResolutionRecordsTheDiagnosisAndWhoResolved() {
        signedIn("dave");

        new RecordResolutionDelegate(incidents, identityService).execute(FakeExecution.with(Map.of(
                "incidentId", 42L, "diagnosis", "証明書の期限切れ", "resolution", "Renewed", "rootCause", "No monitoring"))
                .execution());

        verify(incidents).recordDiagnosis(42L, "証明書の期限切れ");
        verify(incidents).resolve(42L, "Renewed", "No monitoring", "dave");
    }

    @Test
    void recordResolutionWithoutDiagnosisOrUserStillResolves() {
        new RecordResolutionDelegate(incidents, identityService).execute(FakeExecution.with(Map.of(
                "incidentId", 42L, "diagnosis", "", "resolution", "Restarted")).execution());

        verify(incidents, never()).recordDiagnosis(org.mockito.ArgumentMatchers.anyLong(), anyString());
        verify(incidents).resolve(42L, "Restarted", null, null);
    }

    @Test
    void reopenPassesTheReasonAndMarksABreachFoundOnReopening() {
        when(incidents.reopen(42L, "Still failing")).thenReturn(
                IncidentFixtures.incident(42, "VPN down", IncidentStatus.ESCALATED, "api", 3, 3, true));
        FakeExecution execution = FakeExecution.with(Map.of("incidentId", 42L, "reopenReason", "Still failing",
                "confirmation", "not_fixed"));

        new ReopenIncidentDelegate(incidents).execute(execution.execution());

        assertThat(execution.variables()).containsEntry("resolutionBreached", true)
                .as("the next Confirm closure starts unanswered").doesNotContainKey("confirmation");
    }

    @Test
    void reopenWithinTheTargetMarksNothing() {
        when(incidents.reopen(42L, null)).thenReturn(
                IncidentFixtures.incident(42, "VPN down", IncidentStatus.ESCALATED, "api", 3, 3, false));
        FakeExecution execution = FakeExecution.with(Map.of("incidentId", 42L));

        new ReopenIncidentDelegate(incidents).execute(execution.execution());

        assertThat(execution.variables()).doesNotContainKey("resolutionBreached");
    }

    @Test
    void closeIncidentRecordsWhoConfirmed() {
        signedIn("erin");

        new CloseIncidentDelegate(incidents, identityService).execute(FakeExecution.with(Map.of("incidentId", 42L))
                .execution());

        verify(incidents).close(42L, "erin");
    }

    @Test
    void aRecordedResponseBreachMarksTheVariableAndRenamesTheOpenTasks() {
        when(incidents.recordResponseBreach(42L)).thenReturn(true);
        FakeExecution execution = FakeExecution.with(Map.of("incidentId", 42L));

        new RecordResponseBreachDelegate(incidents, taskNaming).execute(execution.execution());

        assertThat(execution.variables()).containsEntry("responseBreached", true);
        verify(taskNaming).refreshOpenTasks(FakeExecution.PROCESS_INSTANCE_ID);
    }

    @Test
    void aRecordedResolutionBreachMarksTheVariableAndRenamesTheOpenTasks() {
        when(incidents.recordResolutionBreach(42L)).thenReturn(true);
        FakeExecution execution = FakeExecution.with(Map.of("incidentId", 42L));

        new RecordResolutionBreachDelegate(incidents, taskNaming).execute(execution.execution());

        assertThat(execution.variables()).containsEntry("resolutionBreached", true);
        verify(taskNaming).refreshOpenTasks(FakeExecution.PROCESS_INSTANCE_ID);
    }

    @Test
    void aResolutionTargetPassingAfterResolutionMarksNothing() {
        when(incidents.recordResolutionBreach(42L)).thenReturn(false);
        FakeExecution execution = FakeExecution.with(Map.of("incidentId", 42L));

        new RecordResolutionBreachDelegate(incidents, taskNaming).execute(execution.execution());

        assertThat(execution.variables()).doesNotContainKey("resolutionBreached");
        verifyNoInteractions(taskNaming);
    }

    private void signedIn(String userId) {
        when(identityService.getCurrentAuthentication()).thenReturn(new Authentication(userId, List.of()));
    }
}
