package io.incidentflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.support.Logins;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The review in the whole application: a major incident worked to closed starts its review, whose task shows the
 * measured figures; completing it opens the problem records. A minor incident closes without review.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PostIncidentReviewFlowTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IncidentService incidents;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @BeforeEach
    void bindAssertionsToThisEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void unbind() {
        BpmnAwareTests.reset();
    }

    @Test
    void majorIncidentClosesIntoAReviewWhoseFollowUpsBecomeProblems() throws Exception {
        Incident incident = incidents.open(new NewIncident("決済 API 停止", "全店舗で決済不可", "payments", "application",
                1, 1, "test", "desk-user", null), Map.of());
        ProcessInstance process = instance(incident.processInstanceId());
        work(process, "Task_CoordinateMajorIncident", "manager-user",
                Map.of("incidentManagerNote", "対策本部", "resolverGroup", "application"));
        work(process, "Task_InvestigateAndDiagnose", "admin", Map.of("diagnosis", "メモリリーク"));
        work(process, "Task_ResolveAndRecover", "admin",
                Map.of("resolution", "リリースを切り戻し", "rootCause", "接続プールのリーク"));
        work(process, "Task_ConfirmClosure", "desk-user", Map.of("confirmation", "fixed"));

        assertThat(process).isEnded().hasPassed("Task_DecideReview", "Task_StartPostIncidentReview");
        ProcessInstance review = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ReviewService.PROCESS_KEY).processInstanceBusinessKey(incident.number())
                .singleResult();
        assertThat(review).isWaitingAt("Task_ConductReview").hasPassed("Task_MeasureIncident");
        Task task = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();
        assertThat(task).hasCandidateGroup("incident-managers");
        Map<String, Object> shown = taskService.getVariables(task.getId());
        assertThat(shown).containsEntry("incidentNumber", incident.number()).containsEntry("priority", 1)
                .containsEntry("rootCause", "接続プールのリーク").containsEntry("measuredEscalationStages", "0");
        assertThat((String) shown.get("measuredTimeToAcknowledge")).as("acknowledged when claimed").isNotEqualTo("—");
        assertThat((String) shown.get("measuredTimeToClose")).isNotEqualTo("—");

        work(review, "Task_ConductReview", "manager-user", Map.of("whatHappened", "決済 API が 40 分停止",
                "customerImpact", "全店舗で決済不可", "rootCause", "接続プールのリーク",
                "followUpActions", "tanaka: 接続プールの監視を追加\nsuzuki：切り戻し手順を文書化"));

        assertThat(review).isEnded().hasPassed("Task_RecordReview");
        JsonNode problems = read("/api/problems?incident=" + incident.number());
        assertThat(problems).hasSize(2);
        assertThat(problems.findValuesAsText("owner")).containsExactlyInAnyOrder("tanaka", "suzuki");
        assertThat(problems.findValuesAsText("state")).containsOnly("INVESTIGATE");
        JsonNode view = read("/api/incidents/" + incident.number() + "/review");
        assertThat(view.at("/figures/timeToCloseSeconds").isNumber()).isTrue();
        assertThat(view.at("/figures/responders").toString()).contains("manager-user");
        assertThat(view.at("/reviews/0/state").asText()).isEqualTo("COMPLETED");
        assertThat(view.at("/reviews/0/reviewer").asText()).isEqualTo("manager-user");
        assertThat(view.at("/reviews/0/problems")).hasSize(2);
    }

    @Test
    void minorIncidentClosesWithoutReview() throws Exception {
        Incident incident = incidents.open(new NewIncident("印刷が遅い", null, "printing", "application",
                4, 3, "test", "desk-user", null), Map.of());
        ProcessInstance process = instance(incident.processInstanceId());
        work(process, "Task_InitialDiagnosis", "desk-user",
                Map.of("diagnosis", "スプール詰まり", "firstLineOutcome", "resolved", "resolution", "スプール再起動"));
        work(process, "Task_ConfirmClosure", "desk-user", Map.of("confirmation", "fixed"));

        assertThat(process).isEnded().hasPassed("Task_DecideReview").hasNotPassed("Task_StartPostIncidentReview");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReviewService.PROCESS_KEY)
                .processInstanceBusinessKey(incident.number()).count()).isZero();
        assertThat(read("/api/incidents/" + incident.number() + "/review").path("reviews")).isEmpty();
    }

    @Test
    void theReviewOfAnUnknownIncidentIsNotFound() throws Exception {
        mvc.perform(get("/api/incidents/INC-999999/review").with(Logins.AUDITOR))
                .andExpect(status().isNotFound());
    }

    private ProcessInstance instance(String id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    /** Claims the task as {@code user} (which acknowledges the incident) and completes it as that user. */
    private void work(ProcessInstance process, String taskKey, String user, Map<String, Object> answers) {
        assertThat(process).isWaitingAt(taskKey);
        Task task = taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        taskService.claim(task.getId(), user);
        identityService.setAuthenticatedUserId(user);
        try {
            taskService.complete(task.getId(), answers);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private JsonNode read(String path) throws Exception {
        String body = mvc.perform(get(path).with(Logins.AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }
}
