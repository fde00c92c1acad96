package io.incidentflow.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.incident.IncidentComments;
import io.incidentflow.incident.IncidentComments.NewComment;
import io.incidentflow.notification.LocalHttpServer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

/**
 * Every path of processes/runbooks/restart-service.bpmn with the real Call restart hook posting to a local
 * HTTP server; only the incident's comments are a mock.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/runbooks/restart-service.bpmn")
class RestartServiceRunbookTest {

    static final String TITLE = "決済DB応答なし / payment DB down";

    private final IncidentComments comments = mock(IncidentComments.class);
    private LocalHttpServer hook;

    @BeforeEach
    void setUp(ProcessEngine processEngine) throws IOException {
        init(processEngine);
        hook = new LocalHttpServer();
        RunbookProperties properties = new RunbookProperties(
                Map.of("customer-db", new RunbookProperties.Hook(URI.create(hook.url("/restart/customer-db")),
                        Map.of("Authorization", "Bearer hook-token"))),
                new RunbookProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        Mocks.register("callRestartHookDelegate",
                new CallRestartHookDelegate(new RestartHooks(properties, new ObjectMapper())));
        Mocks.register("noteRestartOnIncidentDelegate", new NoteRestartOnIncidentDelegate(comments));
    }

    @AfterEach
    void tearDown() {
        hook.close();
        Mocks.reset();
        reset();
    }

    @Test
    void hookRestartsTheServiceThenAPersonVerifiesItAndTheIncidentGetsTheNote() throws Exception {
        hook.answer(202, "{\"status\":\"restarting\"}");
        ProcessInstance runbook = start("customer-db");

        assertThat(runbook).isWaitingAt("Task_CheckService");
        assertThat(task(runbook)).hasCandidateGroup("application").hasCandidateGroup("incident-managers");
        complete(task(runbook), withVariables("restartDecision", "restart", "checkNote", "デプロイなし / no deployment"));
        assertThat(runbook).isWaitingAt("Task_CallRestartHook");
        execute(job(runbook));

        LocalHttpServer.Request request = hook.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/restart/customer-db");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer hook-token");
        assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo(runbook.getId());
        assertThat(new ObjectMapper().readTree(request.body())).isEqualTo(new ObjectMapper().readTree(
                "{\"service\":\"customer-db\",\"incidentNumber\":\"INC-000042\",\"title\":\"" + TITLE + "\"}"));
        assertThat(runbook).isWaitingAt("Task_VerifyServiceHealth");
        assertThat(runbook).variables().containsEntry("restartHookResult", "HTTP 202");

        complete(task(runbook), withVariables("serviceHealthy", "yes", "healthNote", "エラー率 0% / error rate 0%"));
        execute(job(runbook));

        assertThat(runbook).isEnded()
                .hasPassedInOrder("Task_CheckService", "Task_CallRestartHook", "Task_VerifyServiceHealth",
                        "Task_NoteRestartOnIncident", "EndEvent_RunbookFinished")
                .hasNotPassed("Task_RestartManually");
        assertThat(note(runbook)).contains("再起動フック / Restart hook: HTTP 202")
                .contains("After the restart: healthy").contains("エラー率 0% / error rate 0%")
                .doesNotContain("Restarted by hand");
    }

    @Test
    void hookThatRefusesSendsAPersonToRestartByHand() throws Exception {
        hook.answer(404, "no such service");
        ProcessInstance runbook = start("customer-db");
        complete(task(runbook), withVariables("restartDecision", "restart"));
        execute(job(runbook));

        assertThat(runbook).isWaitingAt("Task_RestartManually").hasPassed("BoundaryEvent_RestartHookRefused");
        assertThat(runbook).variables().containsEntry("restartHookProblem",
                "Restart hook of customer-db answered HTTP 404");
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
        complete(task(runbook), withVariables("manualRestartNote", "systemctl restart customer-db"));
        assertThat(runbook).isWaitingAt("Task_VerifyServiceHealth");
        complete(task(runbook), withVariables("serviceHealthy", "no"));
        execute(job(runbook));

        assertThat(runbook).isEnded().hasPassedInOrder("Task_CallRestartHook", "Task_RestartManually",
                "Task_VerifyServiceHealth", "Task_NoteRestartOnIncident");
        assertThat(note(runbook)).contains("フック失敗 / Restart hook failed: Restart hook of customer-db answered HTTP 404")
                .contains("手動再起動 / Restarted by hand: systemctl restart customer-db")
                .contains("After the restart: still unhealthy");
    }

    @Test
    void serviceWithoutAHookIsRestartedByHandWithoutAnyRequest() {
        ProcessInstance runbook = start("web-shop");
        complete(task(runbook), withVariables("restartDecision", "restart"));
        execute(job(runbook));

        assertThat(runbook).isWaitingAt("Task_RestartManually");
        assertThat(runbook).variables().containsEntry("restartHookProblem",
                "No restart hook is configured for service web-shop (incidentflow.runbooks.restart-hooks)");
        assertThat(hook.requests).isEmpty();
    }

    @Test
    void unreachableHookIsRetriedThenAnEngineIncidentInCockpitThatARetryClears() {
        hook.answer(503, "busy");
        ProcessInstance runbook = start("customer-db");
        complete(task(runbook), withVariables("restartDecision", "restart"));

        Job call = job(runbook);
        for (int attempt = 0; attempt < 10 && retriesOf(call) > 0; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(call.getId()))
                    .hasMessageContaining("Restart hook of customer-db answered HTTP 503");
        }

        assertThat(hook.requests).hasSize(3)
                .allSatisfy(r -> assertThat(r.headers().getFirst("Idempotency-Key")).isEqualTo(runbook.getId()));
        Incident failure = runtimeService().createIncidentQuery().processInstanceId(runbook.getId()).singleResult();
        assertThat(failure.getActivityId()).isEqualTo("Task_CallRestartHook");
        assertThat(failure.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(runbook).isWaitingAt("Task_CallRestartHook").hasNotPassed("Task_RestartManually");

        hook.answer(200, "ok");
        managementService().setJobRetries(call.getId(), 1);
        managementService().executeJob(call.getId());

        assertThat(runbook).isWaitingAt("Task_VerifyServiceHealth");
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
    }

    @Test
    void restartNotNeededCallsNoHookAndNotesTheDecision() throws Exception {
        ProcessInstance runbook = start("customer-db");
        complete(task(runbook), withVariables("restartDecision", "skip", "checkNote", "既に復旧 / recovered already"));
        execute(job(runbook));

        assertThat(runbook).isEnded().hasNotPassed("Task_CallRestartHook", "Task_VerifyServiceHealth");
        assertThat(hook.requests).isEmpty();
        assertThat(note(runbook)).contains("Restart judged not needed").contains("既に復旧 / recovered already");
    }

    private static ProcessInstance start(String service) {
        return runtimeService().startProcessInstanceByKey("runbook-restart-service", withVariables(
                "incidentId", 42L, "incidentNumber", "INC-000042", "service", service, "title", TITLE));
    }

    private static int retriesOf(Job call) {
        return managementService().createJobQuery().jobId(call.getId()).singleResult().getRetries();
    }

    private String note(ProcessInstance runbook) {
        ArgumentCaptor<NewComment> comment = ArgumentCaptor.forClass(NewComment.class);
        verify(comments).add(eq("INC-000042"), comment.capture());
        assertThat(comment.getValue().author()).isEqualTo("runbook-restart-service");
        assertThat(comment.getValue().source()).isEqualTo("runbook");
        assertThat(comment.getValue().externalId()).isEqualTo("runbook:" + runbook.getId());
        return comment.getValue().body();
    }
}
