package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
    "processes/incident-management.bpmn",
    "processes/engagement.bpmn",
    "processes/priority-matrix.dmn",
    "processes/assignment-routing.dmn",
    "processes/review-required.dmn",
    "runbooks/waits-for-a-step.bpmn"})
class IncidentManagementProcessTest {

    private static final Instant REPORTED_AT = Instant.parse("2026-03-02T09:00:00Z");

    private final JavaDelegate registerIncident = mock(JavaDelegate.class);
    private final JavaDelegate closeAsNotIncident = mock(JavaDelegate.class);
    private final JavaDelegate recordClassification = mock(JavaDelegate.class);
    private final JavaDelegate escalateToIncidentManager = mock(JavaDelegate.class);
    private final JavaDelegate escalateToResolverGroup = mock(JavaDelegate.class);
    private final JavaDelegate recordResolution = mock(JavaDelegate.class);
    private final JavaDelegate reopenIncident = mock(JavaDelegate.class);
    private final JavaDelegate recordResponseBreach = mock(JavaDelegate.class);
    private final JavaDelegate recordResolutionBreach = mock(JavaDelegate.class);
    private final JavaDelegate closeIncident = mock(JavaDelegate.class);
    private final JavaDelegate recordAutomaticResolution = mock(JavaDelegate.class);
    /** The called engagement: by default its response plan engages nobody (see EngagementProcessTest). */
    private final JavaDelegate loadEngagementPlan = mock(JavaDelegate.class);
    private final JavaDelegate postOpening = mock(JavaDelegate.class);
    private final JavaDelegate postResolution = mock(JavaDelegate.class);
    private boolean engage;
    private final JavaDelegate startPostIncidentReview = mock(JavaDelegate.class);

    @BeforeEach
    void setUp(ProcessEngine processEngine) throws Exception {
        // Bound explicitly: with a Spring Boot test in the same JVM there is a second engine.
        init(processEngine);
        // Fixed, so that the due dates of the targets are known; the extension resets the clock.
        ClockUtil.setCurrentTime(Date.from(REPORTED_AT));

        doAnswer(call -> actAsRegisterIncident(call.getArgument(0))).when(registerIncident).execute(any());
        doAnswer(call -> actAsRecordClassification(call.getArgument(0))).when(recordClassification).execute(any());
        Mocks.register("registerIncidentDelegate", registerIncident);
        Mocks.register("closeAsNotIncidentDelegate", closeAsNotIncident);
        Mocks.register("recordClassificationDelegate", recordClassification);
        Mocks.register("escalateToIncidentManagerDelegate", escalateToIncidentManager);
        Mocks.register("escalateToResolverGroupDelegate", escalateToResolverGroup);
        Mocks.register("recordResolutionDelegate", recordResolution);
        Mocks.register("reopenIncidentDelegate", reopenIncident);
        Mocks.register("recordResponseBreachDelegate", recordResponseBreach);
        Mocks.register("recordResolutionBreachDelegate", recordResolutionBreach);
        Mocks.register("closeIncidentDelegate", closeIncident);
        Mocks.register("recordAutomaticResolutionDelegate", recordAutomaticResolution);
        doAnswer(call -> actAsLoadEngagementPlan(call.getArgument(0))).when(loadEngagementPlan).execute(any());
        Mocks.register("loadEngagementPlanDelegate", loadEngagementPlan);
        Mocks.register("postOpeningDelegate", postOpening);
        Mocks.register("postResolutionDelegate", postResolution);
        Mocks.register("startPostIncidentReviewDelegate", startPostIncidentReview);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        reset();
    }

    @Test
    void reporterIsTheUserWhoReportedTheIncident() {
        identityService().setAuthenticatedUserId("alice");
        try {
            ProcessInstance incident = report();

            assertThat(incident).variables().containsEntry("reporter", "alice");
        } finally {
            identityService().clearAuthentication();
        }
    }

    @Test
    void serviceRequestIsClosedWithoutResolverWork() throws Exception {
        assertClosedWithoutResolverWork("service_request");
    }

    @Test
    void noiseIsClosedWithoutResolverWork() throws Exception {
        assertClosedWithoutResolverWork("noise");
    }

    @Test
    void incidentClassifiedBySourceSkipsIdentification() throws Exception {
        ProcessInstance incident = report(withVariables("source", "alertmanager", "preClassified", true,
                "category", "network", "service", "core-switch", "impact", 3, "urgency", 3));

        assertThat(incident).isWaitingAt("Task_InitialDiagnosis")
                .hasPassedInOrder("Task_RegisterIncident", "Gateway_ClassificationDone", "Task_DeterminePriority",
                        "Task_DetermineResolverGroup", "Task_RecordClassification")
                .hasNotPassed("Task_IdentifyIncident", "Task_CategorizeIncident");
        assertThat(incident).variables().containsEntry("priority", 5).containsEntry("resolverGroup", "network");
        verify(registerIncident).execute(any());
        verify(recordClassification).execute(any());
    }

    @Test
    void regularIncidentIsResolvedAtFirstLine() throws Exception {
        ProcessInstance incident = reportAndCategorize("application", "erp", 2, 2);

        assertThat(incident).isWaitingAt("Task_InitialDiagnosis");
        assertThat(task()).hasCandidateGroup("service-desk");
        complete(task(), withVariables("firstLineOutcome", "resolved", "resolution", "Restarted the job"));
        confirm(incident, "fixed");

        assertThat(incident).isEnded()
                .hasPassedInOrder("Task_InitialDiagnosis", "Task_RecordResolution", "Task_ConfirmClosure",
                        "EndEvent_ResolutionConfirmed", "Task_CloseIncident", "EndEvent_IncidentClosed")
                .hasNotPassed("Task_EscalateToIncidentManager", "Task_EscalateToResolverGroup",
                        "Task_InvestigateAndDiagnose");
        verify(recordResolution).execute(any());
        verify(closeIncident).execute(any());
        verifyNoInteractions(escalateToIncidentManager, escalateToResolverGroup, reopenIncident);
    }

    @Test
    void regularIncidentClosesWithoutPostIncidentReview() throws Exception {
        ProcessInstance incident = reportAndCategorize("application", "erp", 2, 2);
        complete(task(), withVariables("firstLineOutcome", "resolved", "resolution", "Restarted the job"));
        confirm(incident, "fixed");

        assertThat(incident).isEnded()
                .hasPassedInOrder("Task_CloseIncident", "Task_DecideReview", "Gateway_IsReviewRequired",
                        "Gateway_ReviewDecided", "EndEvent_IncidentClosed")
                .hasNotPassed("Task_StartPostIncidentReview");
        assertThat(incident).variables().containsEntry("reviewRequired", false);
        verifyNoInteractions(startPostIncidentReview);
    }

    @Test
    void majorIncidentClosesAndStartsItsPostIncidentReview() throws Exception {
        ProcessInstance incident = reportAndCategorize("application", "erp", 1, 1);
        complete(task(), withVariables("incidentManagerNote", "War room opened", "resolverGroup", "application"));
        complete(task(), withVariables("diagnosis", "Memory leak"));
        complete(task(), withVariables("resolution", "Rolled back the release"));
        confirm(incident, "fixed");

        assertThat(incident).isEnded()
                .hasPassedInOrder("Task_CloseIncident", "Task_DecideReview", "Task_StartPostIncidentReview",
                        "Gateway_ReviewDecided", "EndEvent_IncidentClosed");
        assertThat(incident).variables().containsEntry("reviewRequired", true);
        verify(startPostIncidentReview).execute(any());
    }

    @Test
    void majorIncidentResolvedByItsSourceIsReviewedToo() throws Exception {
        ProcessInstance incident = reportAndCategorize("network", "core-switch", 1, 2);

        runtimeService().createMessageCorrelation("AlertResolved").processInstanceId(incident.getId())
                .setVariable("autoResolve", true).setVariable("resolvedBySource", "prometheus").correlate();

        assertThat(incident).isEnded()
                .hasPassedInOrder("Task_RecordAutomaticResolution", "Task_CloseIncident", "Task_StartPostIncidentReview");
        verify(startPostIncidentReview).execute(any());
    }

    @Test
    void incidentNotResolvedAtFirstLineGoesToTheRoutedResolverGroup() throws Exception {
        ProcessInstance incident = reportAndCategorize("application", "customer-db", 3, 2);
        complete(task(), withVariables("firstLineOutcome", "escalate", "diagnosis", "Queries time out"));

        assertThat(incident).isWaitingAt("Task_InvestigateAndDiagnose").hasPassed("Task_EscalateToResolverGroup");
        assertThat(task()).hasCandidateGroup("database");
        verify(escalateToResolverGroup).execute(any());
        complete(task(), withVariables("diagnosis", "Lock contention on orders"));

        assertThat(incident).isWaitingAt("Task_ResolveAndRecover");
        assertThat(task()).hasCandidateGroup("database");
        complete(task(), withVariables("resolution", "Killed the blocking session", "rootCause", "Missing index"));
        confirm(incident, "fixed");

        assertThat(incident).isEnded()
                .hasPassedInOrder("Task_InvestigateAndDiagnose", "Task_ResolveAndRecover", "Task_RecordResolution",
                        "Task_ConfirmClosure", "Task_CloseIncident")
                .hasNotPassed("Task_EscalateToIncidentManager");
        verify(recordResolution).execute(any());
        verify(closeIncident).execute(any());
    }

    @Test
    void p1IsEscalatedToIncidentManager() throws Exception {
        ProcessInstance incident = reportAndCategorize("application", "erp", 1, 1);

        assertThat(incident).isWaitingAt("Task_CoordinateMajorIncident")
                .hasPassed("Task_EscalateToIncidentManager")
                .hasNotPassed("Task_InitialDiagnosis");
        assertThat(task()).hasCandidateGroup("incident-managers");
        verify(escalateToIncidentManager).execute(any());

        // The incident manager may hand the incident to another group than the routing chose.
        complete(task(), withVariables("incidentManagerNote", "Load balancer drops sessions",
                "resolverGroup", "network"));

        assertThat(incident).isWaitingAt("Task_InvestigateAndDiagnose").hasPassed("Task_EscalateToResolverGroup");
        assertThat(task()).hasCandidateGroup("network");
        verify(escalateToResolverGroup).execute(any());
    }

    @Test
    void p2IsAlsoAMajorIncident() {
        ProcessInstance incident = reportAndCategorize("application", "erp", 2, 1);

        assertThat(incident).isWaitingAt("Task_CoordinateMajorIncident").hasNotPassed("Task_InitialDiagnosis");
    }

    @Test
    void notFixedReopensInvestigation() throws Exception {
        ProcessInstance incident = reportAndCategorize("network", "mail", 3, 3);
        complete(task(), withVariables("firstLineOutcome", "resolved", "resolution", "Replugged the cable"));
        confirm(incident, "not_fixed");

        assertThat(incident).isWaitingAt("Task_InvestigateAndDiagnose").hasPassed("Task_ReopenIncident");
        assertThat(task()).hasCandidateGroup("network");
        verify(reopenIncident).execute(any());
        complete(task(), withVariables("diagnosis", "Flapping switch port"));
        complete(task(), withVariables("resolution", "Replaced the switch"));
        confirm(incident, "fixed");

        assertThat(incident).isEnded().hasPassed("Task_CloseIncident");
        verify(recordResolution, times(2)).execute(any());
        verify(closeIncident).execute(any());
    }

    @Test
    void missedResponseTargetAtFirstLineIsRecordedWithoutStoppingTheWork() throws Exception {
        ProcessInstance incident = reportAndCategorize("application", "erp", 2, 2);
        Task initialDiagnosis = task();

        assertThat(job("BoundaryEvent_InitialResponseDue").getDuedate()).hasSameTimeAs(reportedAtPlus("PT4H"));
        execute(job("BoundaryEvent_InitialResponseDue"));

        assertThat(incident).isWaitingAt("Task_InitialDiagnosis")
                .hasPassed("Task_RecordResponseBreach", "EndEvent_ResponseBreachRecorded");
        assertThat(task().getId()).isEqualTo(initialDiagnosis.getId());
        verify(recordResponseBreach).execute(any());
    }

    @Test
    void missedResponseTargetOfMajorIncidentIsRecordedWithoutStoppingTheWork() throws Exception {
        ProcessInstance incident = reportAndCategorize("application", "erp", 1, 1);
        Task coordination = task();

        assertThat(job("BoundaryEvent_MajorResponseDue").getDuedate()).hasSameTimeAs(reportedAtPlus("PT15M"));
        execute(job("BoundaryEvent_MajorResponseDue"));

        assertThat(incident).isWaitingAt("Task_CoordinateMajorIncident")
                .hasPassed("Task_RecordResponseBreach", "EndEvent_ResponseBreachRecorded");
        assertThat(task().getId()).isEqualTo(coordination.getId());
        verify(recordResponseBreach).execute(any());
    }

    @Test
    void resolutionSlaBreachIsRecorded() throws Exception {
        ProcessInstance incident = reportAndCategorize("database", "erp", 3, 2);
        complete(task(), withVariables("firstLineOutcome", "escalate"));

        assertThat(job("BoundaryEvent_ResolutionDue").getDuedate()).hasSameTimeAs(reportedAtPlus("P3D"));
        execute(job("BoundaryEvent_ResolutionDue"));

        assertThat(incident).isWaitingAt("Task_InvestigateAndDiagnose")
                .hasPassed("Task_RecordResolutionBreach", "EndEvent_ResolutionBreachRecorded");
        verify(recordResolutionBreach).execute(any());

        complete(task(), withVariables("diagnosis", "Disk full"));
        complete(task(), withVariables("resolution", "Extended the volume"));
        confirm(incident, "fixed");

        assertThat(incident).isEnded().hasPassed("Task_CloseIncident");
        verifyNoInteractions(recordResponseBreach);
    }

    @Test
    void targetTimersAreCancelledWhenResolvedInTime() throws Exception {
        ProcessInstance incident = reportAndCategorize("application", "erp", 2, 2);

        assertThat(jobQuery().processInstanceId(incident.getId()).activityId("BoundaryEvent_InitialResponseDue").count())
                .isOne();
        assertThat(jobQuery().processInstanceId(incident.getId()).activityId("BoundaryEvent_ResolutionDue").count())
                .isOne();

        complete(task(), withVariables("firstLineOutcome", "resolved"));
        assertThat(jobQuery().processInstanceId(incident.getId()).activityId("BoundaryEvent_InitialResponseDue").count())
                .isZero();

        confirm(incident, "fixed");

        assertThat(incident).isEnded()
                .hasNotPassed("Task_RecordResponseBreach", "Task_RecordResolutionBreach");
        assertThat(jobQuery().processInstanceId(incident.getId()).count()).isZero();
        verifyNoInteractions(recordResponseBreach, recordResolutionBreach);
    }

    @Test
    void sourceRecoveryResolvesAndClosesTheIncidentWhenTheIntegrationSaysSo() throws Exception {
        ProcessInstance incident = reportAndCategorize("network", "vpn", 3, 2);
        assertThat(incident).isWaitingAt("Task_InitialDiagnosis");

        runtimeService().createMessageCorrelation("AlertResolved").processInstanceId(incident.getId())
                .setVariable("autoResolve", true).setVariable("resolvedBySource", "prometheus").correlate();

        assertThat(incident).isEnded()
                .hasPassedInOrder("StartEvent_SourceResolved", "Gateway_IsAutoResolve", "EndEvent_ResolvedBySource",
                        "BoundaryEvent_ResolvedBySource", "Task_RecordAutomaticResolution", "Task_CloseIncident",
                        "EndEvent_IncidentClosed")
                .hasNotPassed("Task_RecordResolution", "Task_ConfirmClosure");
        assertThat(jobQuery().list()).as("target timers ended with the resolution").isEmpty();
        verify(recordAutomaticResolution).execute(any());
        verify(closeIncident).execute(any());
    }

    @Test
    void sourceRecoveryOnlyInformsTheResponderWhenTheIntegrationDoesNotAutoResolve() throws Exception {
        ProcessInstance incident = reportAndCategorize("network", "vpn", 3, 2);

        runtimeService().createMessageCorrelation("AlertResolved").processInstanceId(incident.getId())
                .setVariable("autoResolve", false).setVariable("resolvedBySource", "prometheus").correlate();

        assertThat(incident).isWaitingAt("Task_InitialDiagnosis")
                .hasPassed("StartEvent_SourceResolved", "EndEvent_ResponderDecides")
                .hasNotPassed("Task_RecordAutomaticResolution");
        verifyNoInteractions(recordAutomaticResolution, closeIncident);
    }

    @Test
    void engagementRunsBesideTheResolutionUntilTheIncidentIsResolved() throws Exception {
        engage = true;
        ProcessInstance incident = reportAndCategorize("application", "erp", 3, 2);

        assertThat(incident).isWaitingAt("Task_InitialDiagnosis", "CallActivity_EngageResponders");
        ProcessInstance engagement = calledEngagement(incident);
        assertThat(engagement).hasBusinessKey("INC-000042").variables()
                .containsEntry("incidentId", 42L).containsEntry("incidentNumber", "INC-000042");
        execute(job("Task_PostOpening", engagement));
        assertThat(engagement).isWaitingAt("CatchEvent_IncidentResolved");

        complete(task(incident), withVariables("firstLineOutcome", "resolved", "resolution", "Restarted"));

        assertThat(incident).hasPassed("ThrowEvent_IncidentResolved").isWaitingAt("Task_ConfirmClosure");
        execute(job("Task_PostResolution", engagement));
        assertThat(engagement).isEnded().hasPassed("CatchEvent_IncidentResolved", "Task_PostResolution");
        assertThat(incident).hasPassed("EndEvent_EngagementEnded");
        confirm(incident, "fixed");
        assertThat(incident).isEnded();
        verify(postResolution).execute(any());
    }

    @Test
    void resolutionBySourceEndsTheEngagementToo() throws Exception {
        engage = true;
        ProcessInstance incident = reportAndCategorize("network", "vpn", 3, 2);
        ProcessInstance engagement = calledEngagement(incident);

        runtimeService().createMessageCorrelation("AlertResolved").processInstanceId(incident.getId())
                .setVariable("autoResolve", true).setVariable("resolvedBySource", "prometheus").correlate();
        execute(job("Task_PostResolution", engagement));

        assertThat(engagement).isEnded().hasPassed("BoundaryEvent_IncidentResolved", "Task_PostResolution")
                .hasNotPassed("Task_PostOpening");
        assertThat(incident).isEnded().hasPassed("ThrowEvent_IncidentResolvedBySource", "EndEvent_EngagementEnded",
                "EndEvent_IncidentClosed");
    }

    @Test
    void incidentWithNothingToEngageEndsItsEngagementAtOnce() {
        ProcessInstance incident = reportAndCategorize("application", "erp", 3, 2);

        assertThat(incident).hasPassed("CallActivity_EngageResponders", "EndEvent_EngagementEnded",
                "EndEvent_NoRunbook").hasNotPassed("CallActivity_RunRunbook");
        verifyNoInteractions(postOpening);
    }

    @Test
    void theResponsePlansRunbookRunsBesideTheResolution() {
        ProcessInstance incident = reportWithRunbook();

        execute(job("CallActivity_RunRunbook", incident));
        ProcessInstance runbook = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("runbook-waits-for-a-step").superProcessInstanceId(incident.getId()).singleResult();
        assertThat(runbook).isWaitingAt("Task_ManualStep").variables()
                .containsOnlyKeys("incidentId", "incidentNumber", "service", "title");
        assertThat(incident).isWaitingAt("Task_InitialDiagnosis", "CallActivity_RunRunbook");

        complete(task(runbook));

        assertThat(incident).hasPassed("EndEvent_RunbookDone").isWaitingAt("Task_InitialDiagnosis");
    }

    @Test
    void aResolutionStopsTheRunbookThatIsStillRunning() {
        ProcessInstance incident = reportWithRunbook();
        execute(job("CallActivity_RunRunbook", incident));

        complete(task(incident), withVariables("firstLineOutcome", "resolved", "resolution", "Restarted"));

        assertThat(incident).hasPassed("BoundaryEvent_ResolvedDuringRunbook", "EndEvent_RunbookStopped")
                .hasNotPassed("EndEvent_RunbookDone").isWaitingAt("Task_ConfirmClosure");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("runbook-waits-for-a-step")
                .count()).isZero();
    }

    private static ProcessInstance reportWithRunbook() {
        return report(withVariables("source", "alertmanager", "preClassified", true, "category", "application",
                "service", "erp", "impact", 3, "urgency", 2, "runbook", "runbook-waits-for-a-step"));
    }

    private static ProcessInstance calledEngagement(ProcessInstance incident) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(incident.getId()).singleResult();
    }

    private Void actAsLoadEngagementPlan(DelegateExecution execution) {
        execution.setVariable("engage", engage);
        execution.setVariable("escalate", false);
        return null;
    }

    private void assertClosedWithoutResolverWork(String classification) throws Exception {
        ProcessInstance incident = report();

        assertThat(incident).isWaitingAt("Task_IdentifyIncident");
        assertThat(task()).hasCandidateGroup("service-desk");
        complete(task(), withVariables("classification", classification, "classificationReason", "Not a disruption"));

        assertThat(incident).isEnded()
                .hasPassedInOrder("Task_RegisterIncident", "Task_IdentifyIncident", "Task_CloseAsNotIncident",
                        "EndEvent_ClosedAsNotIncident")
                .hasNotPassed("Task_CategorizeIncident", "Task_DeterminePriority", "SubProcess_ResolveIncident",
                        "Task_CloseIncident");
        verify(registerIncident).execute(any());
        verify(closeAsNotIncident).execute(any());
        verifyNoInteractions(recordClassification, closeIncident);
    }

    private static ProcessInstance report() {
        return report(Map.of());
    }

    private static ProcessInstance report(Map<String, Object> classification) {
        Map<String, Object> variables = withVariables("title", "Checkout fails", "description", "HTTP 500 on pay",
                "source", "tasklist");
        variables.putAll(classification);
        return runtimeService().startProcessInstanceByKey("incident-management", variables);
    }

    private static ProcessInstance reportAndCategorize(String category, String service, int impact, int urgency) {
        ProcessInstance incident = report();
        assertThat(incident).isWaitingAt("Task_IdentifyIncident");
        complete(task(), withVariables("classification", "incident"));
        assertThat(incident).isWaitingAt("Task_CategorizeIncident");
        assertThat(task()).hasCandidateGroup("service-desk");
        complete(task(), withVariables("category", category, "service", service, "impact", impact,
                "urgency", urgency));
        return incident;
    }

    private static void confirm(ProcessInstance incident, String confirmation) {
        assertThat(incident).isWaitingAt("Task_ConfirmClosure");
        assertThat(task()).hasCandidateGroup("service-desk");
        complete(task(), withVariables("confirmation", confirmation));
    }

    private static Date reportedAtPlus(String target) {
        return Date.from(REPORTED_AT.plus(Duration.parse(target)));
    }

    /** What the real delegate guarantees to the model: an incident number (also the business key), a classification flag. */
    private static Void actAsRegisterIncident(DelegateExecution execution) {
        execution.setVariable("incidentId", 42L);
        execution.setVariable("incidentNumber", "INC-000042");
        execution.setProcessBusinessKey("INC-000042");
        if (execution.getVariable("preClassified") == null) {
            execution.setVariable("preClassified", false);
        }
        return null;
    }

    /** What the real delegate guarantees to the model: the priority and the due dates of the targets. */
    @SuppressWarnings("unchecked")
    private static Void actAsRecordClassification(DelegateExecution execution) {
        Map<String, Object> decision = (Map<String, Object>) execution.getVariable("priorityDecision");
        Instant registeredAt = ClockUtil.getCurrentTime().toInstant();
        execution.setVariable("priority", decision.get("priority"));
        execution.setVariable("responseDueAt",
                Date.from(registeredAt.plus(Duration.parse((String) decision.get("responseTarget")))));
        execution.setVariable("resolutionDueAt",
                Date.from(registeredAt.plus(Duration.parse((String) decision.get("resolutionTarget")))));
        execution.removeVariable("priorityDecision");
        return null;
    }
}
