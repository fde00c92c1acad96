package io.incidentflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * One incident worked from report to closed by three people over HTTP; then its timeline, the export and the audit
 * page are read as an auditor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Metrics are exported in tests only with this; all tests of this feature share the one context.
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineApiTest {

    static final String TITLE = "決済 API が 502 を返す, \"一部\" の利用者";
    static final String DESCRIPTION = "午前 9 時から決済が失敗。\n再試行で成功する場合あり。";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    Responders people;
    String number;
    String processInstanceId;

    @BeforeAll
    void anIncidentWorkedToClosed() throws Exception {
        people = new Responders(http, json);
        JsonNode created = people.report("desk-user", Map.of("title", TITLE, "description", DESCRIPTION));
        number = created.path("number").asText();
        processInstanceId = created.path("processInstanceId").asText();
        people.work("desk-user", processInstanceId, "Task_IdentifyIncident",
                Map.of("classification", "incident", "classificationReason", "利用者からの電話"));
        people.work("desk-user", processInstanceId, "Task_CategorizeIncident",
                Map.of("category", "database", "service", "db01", "impact", "3", "urgency", "2"));
        people.work("desk-user", processInstanceId, "Task_InitialDiagnosis",
                Map.of("firstLineOutcome", "escalate", "diagnosis", "接続プール枯渇の疑い"));
        people.work("db-user", processInstanceId, "Task_InvestigateAndDiagnose", Map.of("diagnosis", "長時間ロック"));
        people.work("db-user", processInstanceId, "Task_ResolveAndRecover",
                Map.of("resolution", "ロックを解放し再起動", "rootCause", "バッチの排他制御漏れ"));
        people.work("desk-user", processInstanceId, "Task_ConfirmClosure", Map.of("confirmation", "fixed"));
    }

    @Test
    void timelineHasEveryStepInOrderWithActorAndFormValues() throws Exception {
        JsonNode timeline = people.getJson("auditor-user", "/api/incidents/" + number + "/timeline");
        List<JsonNode> entries = new ArrayList<>();
        timeline.path("entries").forEach(entries::add);

        assertThat(timeline.path("incident").asText()).isEqualTo(number);
        // To the millisecond, the engine's precision: within one, the timeline orders cause before effect.
        assertThat(entries).extracting(entry -> OffsetDateTime.parse(entry.path("at").asText()).toInstant()
                .truncatedTo(ChronoUnit.MILLIS)).isSorted();
        assertThat(steps(entries)).containsSubsequence(
                "state|desk-user|Register incident → NEW",
                "task|null|Task created: Identify incident",
                // The claim acknowledges, while the claim's command runs; the operation log is written as it ends.
                "state|desk-user|Acknowledged",
                "task|desk-user|Task claimed: Identify incident",
                "task|desk-user|Task completed: Identify incident",
                "task|desk-user|Task completed: Categorize and prioritize",
                "state|desk-user|Record classification → IN_PROGRESS",
                "task|desk-user|Task completed: Initial diagnosis",
                "escalation|desk-user|Escalate to resolver group → ESCALATED",
                "task|null|Task created: Investigate and diagnose",
                "task|db-user|Task claimed: Investigate and diagnose",
                "task|db-user|Task completed: Investigate and diagnose",
                "task|db-user|Task completed: Resolve and recover",
                "state|db-user|Record resolution → RESOLVED",
                "task|desk-user|Task completed: Confirm closure",
                "state|desk-user|Close incident → CLOSED",
                "process|null|Process ended");
        JsonNode categorized = completion(entries, "Task_CategorizeIncident");
        assertThat(categorized.path("details").path("formValues").path("impact").asText()).isEqualTo("3");
        assertThat(categorized.path("details").path("formValues").path("service").asText()).isEqualTo("db01");
        assertThat(completion(entries, "Task_ResolveAndRecover").path("details").path("formValues")
                .path("rootCause").asText()).isEqualTo("バッチの排他制御漏れ");
        assertThat(created(entries, "Task_InvestigateAndDiagnose").path("details").path("candidateGroups"))
                .extracting(JsonNode::asText).containsExactly("database");
    }

    @Test
    void unknownIncidentIsAProblem404() throws Exception {
        ResponseEntity<String> response = people.get("auditor-user", "/api/incidents/INC-999999/timeline");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(json.readTree(response.getBody()).path("detail").asText()).contains("INC-999999");
    }

    @Test
    void csvExportIsUtf8WithBomAndQuotedFieldsThatReadBackToTheJapaneseText() throws Exception {
        ResponseEntity<byte[]> response = people.getBytes("auditor-user", exportOfToday("csv"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv").contains("UTF-8");
        byte[] body = response.getBody();
        assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("incident,title,status,priority,").contains("\r\n");
        assertThat(text).contains("\"決済 API が 502 を返す, \"\"一部\"\" の利用者\"");

        List<List<String>> rows = readCsv(text);
        assertThat(rows.get(0)).containsExactlyElementsOf(IncidentExport.COLUMNS);
        List<List<String>> ours = rows.stream().filter(row -> row.get(0).equals(number)).toList();
        assertThat(ours).isNotEmpty().allSatisfy(row -> assertThat(row.get(1)).isEqualTo(TITLE));
        assertThat(ours).anySatisfy(row -> {
            assertThat(row.get(12)).isEqualTo("Task completed: Resolve and recover");
            assertThat(json.readTree(row.get(13)).path("formValues").path("resolution").asText())
                    .isEqualTo("ロックを解放し再起動");
        });
    }

    @Test
    void jsonExportHasTheIncidentsOfThePeriodWithTheirTimelines() throws Exception {
        JsonNode export = people.getJson("auditor-user", exportOfToday("json"));

        JsonNode ours = null;
        for (JsonNode item : export.path("incidents")) {
            if (item.path("incident").path("number").asText().equals(number)) {
                ours = item;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.path("incident").path("description").asText()).isEqualTo(DESCRIPTION);
        assertThat(ours.path("timeline").size()).isGreaterThan(15);
        JsonNode yesterday = people.getJson("auditor-user", "/api/exports/incidents?from="
                + LocalDate.now(ZoneOffset.UTC).minusDays(2) + "&to=" + LocalDate.now(ZoneOffset.UTC).minusDays(1));
        assertThat(yesterday.path("incidents").size()).isZero();
    }

    @Test
    void badOrMissingDatesAreProblemsNamingTheParameter() throws Exception {
        ResponseEntity<String> bad = people.get("auditor-user", "/api/exports/incidents?from=2026-13-01&to=2026-12-01");
        ResponseEntity<String> missing = people.get("auditor-user", "/api/exports/incidents?from=2026-11-01");
        ResponseEntity<String> reversed = people.get("auditor-user",
                "/api/exports/incidents?from=2026-12-01&to=2026-11-01&format=csv");

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(bad.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("from");
        assertThat(json.readTree(missing.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("to");
        assertThat(json.readTree(reversed.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("to");
    }

    @Test
    void auditPageShowsRecordTimelineAndDiagramFromTheApp() throws Exception {
        ResponseEntity<String> page = people.get("auditor-user", "/audit/incidents/" + number);
        ResponseEntity<String> index = people.get("auditor-user", "/audit/incidents");
        ResponseEntity<String> viewer = people.get("auditor-user",
                AuditPageController.BPMN_JS + "bpmn-navigated-viewer.production.min.js");
        ResponseEntity<String> diagram = people.get("auditor-user", "/api/incidents/" + number + "/diagram");
        JsonNode path = people.getJson("auditor-user", "/api/incidents/" + number + "/path");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(number, "バッチの排他制御漏れ", "タイムライン / Timeline",
                "Task completed: Resolve and recover", "bpmn-navigated-viewer.production.min.js");
        assertThat(index.getBody()).contains("/audit/incidents/" + number);
        assertThat(viewer.getStatusCode()).as("the viewer is served by the app, no CDN").isEqualTo(HttpStatus.OK);
        assertThat(diagram.getBody()).contains("Task_ResolveAndRecover", "bpmndi:BPMNDiagram");
        assertThat(path.path("completed")).extracting(JsonNode::asText)
                .contains("Task_RegisterIncident", "Task_ResolveAndRecover", "Task_CloseIncident")
                .doesNotContain("Task_CoordinateMajorIncident");
        assertThat(path.path("active")).isEmpty();
    }

    @Test
    void auditorsReadButCannotWorkTasksOrChangeAnything() throws Exception {
        JsonNode created = people.report("desk-user", Map.of("title", "監査人は読むだけ"));
        String process = created.path("processInstanceId").asText();
        String taskId = people.openTaskIds("admin", process).get(0);

        ResponseEntity<String> complete = people.exchange("auditor-user", HttpMethod.POST,
                "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of()));
        ResponseEntity<String> claim = people.exchange("auditor-user", HttpMethod.POST,
                "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "auditor-user"));
        ResponseEntity<String> report = people.exchange("auditor-user", HttpMethod.POST, "/api/incidents",
                Map.of("title", "x"));
        ResponseEntity<String> integration = people.exchange("auditor-user", HttpMethod.POST, "/api/integrations",
                Map.of("name", "x", "type", "GENERIC"));

        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(integration.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(people.openTaskIds("admin", process)).containsExactly(taskId);
        assertThat(people.get("auditor-user", "/api/incidents/" + created.path("number").asText() + "/timeline")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void exportAndAuditLogAreForAuditorsAndAdminsOnly() {
        assertThat(people.get("desk-user", exportOfToday("csv")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(people.get("db-user", "/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(people.get("admin", exportOfToday("json")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(people.get("desk-user", "/api/incidents/" + number + "/timeline").getStatusCode())
                .as("responders read timelines").isEqualTo(HttpStatus.OK);
    }

    private static String exportOfToday(String format) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "/api/exports/incidents?from=" + today + "&to=" + today.plusDays(1) + "&format=" + format;
    }

    private static List<String> steps(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.path("kind").asText() + "|"
                + (entry.path("actor").isMissingNode() || entry.path("actor").isNull() ? "null"
                        : entry.path("actor").asText()) + "|" + entry.path("text").asText())
                .toList();
    }

    private static JsonNode completion(List<JsonNode> entries, String activity) {
        return entries.stream().filter(entry -> entry.path("text").asText().startsWith("Task completed")
                && entry.path("details").path("activity").asText().equals(activity)).findFirst().orElseThrow();
    }

    private static JsonNode created(List<JsonNode> entries, String activity) {
        return entries.stream().filter(entry -> entry.path("text").asText().startsWith("Task created")
                && entry.path("details").path("activity").asText().equals(activity)).findFirst().orElseThrow();
    }

    private static List<List<String>> readCsv(String text) throws Exception {
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> iterator = csv.readerForListOf(String.class).readValues(text)) {
            iterator.forEachRemaining(rows::add);
        }
        return rows;
    }
}
