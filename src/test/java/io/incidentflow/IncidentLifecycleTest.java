package io.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.support.EmbeddedPostgresDatabase;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on real PostgreSQL, used the way people use it: an incident reported over
 * our REST API, then worked to closed through the engine REST API (what Tasklist calls) by the
 * right people, each with their own login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IncidentLifecycleTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry, "lifecycle");
    }

    private static final String TITLE = "ディスク容量不足 db01 — 残り 2%";
    private static final String DESCRIPTION = "/var/lib/postgresql が 98% です。\n夜間バッチが失敗しました。";

    @Autowired
    TestRestTemplate http;
    @Autowired
    HistoryService historyService;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Test
    void incidentReportedOverRestIsWorkedToClosedByTheRightPeople() throws Exception {
        JsonNode created = report("desk-user", Map.of("title", TITLE, "description", DESCRIPTION));
        String number = created.path("number").asText();
        assertThat(number).matches("INC-\\d{6,}");
        String processInstanceId = created.path("processInstanceId").asText();

        work("desk-user", processInstanceId, "Task_IdentifyIncident",
                Map.of("classification", "incident", "classificationReason", "監視でなく利用者からの報告"));
        work("desk-user", processInstanceId, "Task_CategorizeIncident",
                Map.of("category", "database", "service", "db01", "impact", "3", "urgency", "2"));
        work("desk-user", processInstanceId, "Task_InitialDiagnosis",
                Map.of("firstLineOutcome", "escalate", "diagnosis", "容量はサービスデスクでは増やせない"));
        assertThat(openTaskIds("net-user", processInstanceId)).as("network sees no database work").isEmpty();
        work("db-user", processInstanceId, "Task_InvestigateAndDiagnose", Map.of("diagnosis", "WAL が溜まっている"));
        work("db-user", processInstanceId, "Task_ResolveAndRecover",
                Map.of("resolution", "古い WAL を削除し、アーカイブを修復", "rootCause", "アーカイブ先の権限"));
        work("desk-user", processInstanceId, "Task_ConfirmClosure", Map.of("confirmation", "fixed"));

        JsonNode incident = get("auditor-user", "/api/incidents/" + number);
        assertThat(incident.path("status").asText()).isEqualTo("CLOSED");
        assertThat(incident.path("title").asText()).isEqualTo(TITLE);
        assertThat(incident.path("description").asText()).isEqualTo(DESCRIPTION);
        assertThat(incident.path("priority").asInt()).isEqualTo(4);
        assertThat(incident.path("resolverGroup").asText()).isEqualTo("database");
        assertThat(incident.path("reporter").asText()).isEqualTo("desk-user");
        for (String step : List.of("registeredAt", "acknowledgedAt", "resolvedAt", "closedAt")) {
            assertThat(incident.path(step).isMissingNode() || incident.path(step).isNull()).as(step).isFalse();
        }

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getEndTime()).isNotNull();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("Task_ResolveAndRecover").singleResult())
                .extracting(HistoricTaskInstance::getAssignee).isEqualTo("db-user");
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                .extracting(UserOperationLogEntry::getUserId).contains("desk-user", "db-user");
    }

    @Test
    void auditorCannotCompleteATask() throws Exception {
        JsonNode created = report("desk-user", Map.of("title", "監査テスト"));
        String taskId = openTaskIds("admin", created.path("processInstanceId").asText()).get(0);

        ResponseEntity<String> response = post("auditor-user", "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("classification", Map.of("value", "noise"))));

        assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(openTaskIds("admin", created.path("processInstanceId").asText())).containsExactly(taskId);
    }

    @Test
    void formRulesAreEnforcedOnTheServer() throws Exception {
        JsonNode created = report("desk-user", Map.of("title", "不正な影響度"));
        String processInstanceId = created.path("processInstanceId").asText();
        work("desk-user", processInstanceId, "Task_IdentifyIncident",
                Map.of("classification", "incident", "classificationReason", "障害"));
        String taskId = openTaskIds("desk-user", processInstanceId).get(0);

        ResponseEntity<String> response = post("desk-user", "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of("category", Map.of("value", "database"), "service", Map.of("value", "db01"),
                        "impact", Map.of("value", "9"), "urgency", Map.of("value", "2"))));

        assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(response.getBody()).contains("impact");
        assertThat(openTaskIds("desk-user", processInstanceId)).containsExactly(taskId);
    }

    @Test
    void everyDoorNeedsALogin() {
        assertThat(http.getForEntity("/api/incidents", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // A user no other test logs in as: Camunda throttles a user's logins after a wrong password.
        assertThat(http.withBasicAuth("analyst-user", "wrong-password").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "test-admin-password").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void alertEndpointsTakeOnlyPostsAndLeaveTheKeyCheckToTheIntake() {
        assertThat(http.getForEntity("/api/alerts/generic", String.class).getStatusCode())
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(http.postForEntity("/api/alerts/generic", jsonEntity(Map.of("dedupKey", "x")), String.class)
                .getStatusCode()).as("no key: the intake answers, not a login prompt").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void decisionTablesEvaluateTheirLiteralEntriesWithoutReparsingFeel() {
        assertThat(engineConfiguration.getDmnEngineConfiguration().getFeelEngine().getClass().getSimpleName())
                .isEqualTo("LiteralFeelEngine");
    }

    @Test
    void auditorsMayReadButNotReportIncidents() {
        ResponseEntity<String> response = http.withBasicAuth("auditor-user", "auditor-user-password")
                .postForEntity("/api/incidents", jsonEntity(Map.of("title", "x")), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("auditor-user", "auditor-user-password")
                .getForEntity("/api/incidents", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private JsonNode report(String user, Map<String, Object> body) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, user + "-password")
                .postForEntity("/api/incidents", jsonEntity(body), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody());
    }

    /** Claims the task waiting at {@code activity} and submits its form, as Tasklist does. */
    private void work(String user, String processInstanceId, String activity, Map<String, String> values)
            throws Exception {
        JsonNode tasks = json.readTree(exchange(user, HttpMethod.GET, "/engine-rest/task?processInstanceId="
                + processInstanceId + "&taskDefinitionKey=" + activity, null).getBody());
        assertThat(tasks.size()).as(user + " sees the task at " + activity).isEqualTo(1);
        String taskId = tasks.get(0).path("id").asText();
        assertThat(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ResponseEntity<String> submitted = post(user, "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", variables));
        assertThat(submitted.getStatusCode().is2xxSuccessful()).as(submitted.getBody()).isTrue();
    }

    private List<String> openTaskIds(String user, String processInstanceId) throws Exception {
        JsonNode tasks = json.readTree(exchange(user, HttpMethod.GET,
                "/engine-rest/task?processInstanceId=" + processInstanceId, null).getBody());
        List<String> ids = new java.util.ArrayList<>();
        tasks.forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    private JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> response = exchange(user, HttpMethod.GET, path, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    private ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
        String password = "admin".equals(user) ? "test-admin-password" : user + "-password";
        return http.withBasicAuth(user, password).exchange(path, method, body == null ? null : jsonEntity(body),
                String.class);
    }

    private static HttpEntity<Object> jsonEntity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
