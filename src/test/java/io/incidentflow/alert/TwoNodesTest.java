package io.incidentflow.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.IncidentflowApplication;
import io.incidentflow.support.EmbeddedPostgresDatabase;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two identical nodes on one PostgreSQL with their job executors running, as users scale out: the same
 * storm sent to both opens one incident, a timer fires once across the pair, and a task completed on one
 * node is gone on the other.
 */
class TwoNodesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();
    private static final Map<String, String> INTEGRATION_NAMES = new ConcurrentHashMap<>();
    private static final String RESPONSE_TIMER = "BoundaryEvent_InitialResponseDue";
    private static final String CPU_ALERT = "CPU 使用率 98% web01";
    private static String url;

    @BeforeAll
    static void startTwoNodes() {
        url = EmbeddedPostgresDatabase.createDatabase("twonodes");
        for (int node = 0; node < 2; node++) {
            // Command-line arguments, because they outrank the test profile's H2 url.
            NODES.add(new SpringApplicationBuilder(IncidentflowApplication.class)
                    .profiles("test")
                    .run("--server.port=0", "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                            "--spring.application.name=node-" + node,
                            // Both job executors compete for the same jobs, as in production.
                            "--camunda.bpm.job-execution.enabled=true",
                            // An idle executor polls at least every second instead of backing off to a minute.
                            "--camunda.bpm.job-execution.max-wait=1000",
                            // The job log then says which node ran each job.
                            "--camunda.bpm.generic-properties.properties.hostname=node-" + node));
        }
    }

    @AfterAll
    static void stopNodes() {
        NODES.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theSameAlertsSentToBothNodesAtOnceOpenOneIncident() throws Exception {
        String key = createIntegration(port(0), "two-nodes");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(HTTP.sendAsync(alert(port(i % 2), key, "web01-cpu", "event-" + i),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(202);
        }

        JdbcClient jdbc = NODES.get(0).getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).as("both nodes on PostgreSQL")
                .startsWith("PostgreSQL");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (jdbc.sql("SELECT COUNT(*) FROM alert_group WHERE state = 'OPEN' AND dedup_key = 'web01-cpu'")
                .query(Long.class).single() == 0) {
            assertThat(Instant.now()).as("incident opened in time").isBefore(deadline);
            NODES.forEach(node -> node.getBean(IncidentOpener.class).drain());
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE title = :title").param("title", CPU_ALERT)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE outcome IN ('NEW', 'DUPLICATE') AND dedup_key = 'web01-cpu'")
                .query(Long.class).single()).isEqualTo(40);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN incident i ON t.PROC_INST_ID_ = i.process_instance_id"
                        + " WHERE i.title = :title").param("title", CPU_ALERT).query(Long.class).single())
                .as("one process instance waiting at its first task").isEqualTo(1);
    }

    @Test
    void responseTimersThatFallDueFireExactlyOnceAcrossBothNodes() throws Exception {
        String key = createIntegration(port(1), "timers");
        int incidents = 12;
        for (int i = 0; i < incidents; i++) {
            HttpResponse<String> answer = HTTP.send(alert(port(i % 2), key, "timer-host-" + i, "timer-" + i),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
        List<String> instances = awaitProcessInstances(key, incidents);
        ManagementService management = NODES.get(0).getBean(ManagementService.class);
        List<Job> timers = management.createJobQuery().timers().activityId(RESPONSE_TIMER).list().stream()
                .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
        assertThat(timers).as("one response timer per incident").hasSize(incidents);

        // The targets are hours away; an operator moving the due date (as Cockpit does) makes them due now.
        timers.forEach(timer -> management.setJobDuedate(timer.getId(), new Date()));

        JdbcClient jdbc = NODES.get(0).getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> management.createJobQuery().timers().activityId(RESPONSE_TIMER)
                .list().stream()
                .noneMatch(job -> instances.contains(job.getProcessInstanceId())));
        for (Job timer : timers) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = :id AND JOB_STATE_ = 2")
                    .param("id", timer.getId()).query(Long.class).single()).as("successful runs of " + timer.getId())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = :pi"
                            + " AND ACT_ID_ = 'Task_RecordResponseBreach'").param("pi", timer.getProcessInstanceId())
                    .query(Long.class).single()).as("breach recorded in " + timer.getProcessInstanceId()).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE response_breached AND process_instance_id IN (:pis)")
                .param("pis", instances).query(Long.class).single()).isEqualTo(incidents);
        System.out.println("Response timers run per node: " + jdbc.sql("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG"
                + " WHERE JOB_STATE_ = 2 AND ACT_ID_ = :timer AND PROCESS_INSTANCE_ID_ IN (:pis) GROUP BY HOSTNAME_")
                .param("timer", RESPONSE_TIMER).param("pis", instances)
                .query().listOfRows());
    }

    @Test
    void aTaskCompletedOnOneNodeIsGoneOnTheOther() throws Exception {
        String key = createIntegration(port(0), "handover");
        HttpResponse<String> answer = HTTP.send(alert(port(0), key, "disk-db03", "handover-1"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        String instance = awaitProcessInstances(key, 1).get(0);
        TaskService nodeZero = NODES.get(0).getBean(TaskService.class);
        TaskService nodeOne = NODES.get(1).getBean(TaskService.class);
        String taskId = nodeOne.createTaskQuery().processInstanceId(instance).singleResult().getId();

        // The engine API as Tasklist's claim and submit-form use it; not /engine-rest, whose engine lookup
        // would build every camunda.cfg.xml engine on the test classpath as a side effect.
        nodeOne.claim(taskId, "desk-user");
        NODES.get(0).getBean(FormService.class).submitTaskForm(taskId, Map.of("diagnosis", "一次対応で空き容量を確保",
                "firstLineOutcome", "resolved", "resolution", "古いログを削除"));

        assertThat(nodeOne.createTaskQuery().taskId(taskId).count()).as("gone on node 1").isZero();
        assertThat(nodeZero.createTaskQuery().taskId(taskId).count()).as("gone on node 0").isZero();
        assertThat(nodeOne.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_ConfirmClosure");
    }

    /** Waits until every alert group of the integration with {@code key} has its incident's process. */
    private static List<String> awaitProcessInstances(String key, int expected) {
        JdbcClient jdbc = NODES.get(0).getBean(JdbcClient.class);
        String sql = "SELECT i.process_instance_id FROM alert_group g JOIN integration n ON n.id = g.integration_id"
                + " JOIN incident i ON i.id = g.incident_id WHERE n.name = :name AND g.state = 'OPEN'";
        String name = INTEGRATION_NAMES.get(key);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            NODES.forEach(node -> node.getBean(IncidentOpener.class).drain());
            return jdbc.sql(sql).param("name", name).query(String.class).list().size() == expected;
        });
        return jdbc.sql(sql).param("name", name).query(String.class).list();
    }

    private static int port(int node) {
        return ((WebServerApplicationContext) NODES.get(node)).getWebServer().getPort();
    }

    private static String createIntegration(int port, String name) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"type\":\"GENERIC\",\"category\":\"server\",\"service\":\"web\","
                + "\"defaultImpact\":3,\"urgency\":2}";
        String auth = java.util.Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes());
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/integrations")).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + auth).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = JSON.readTree(created.body()).path("key").asText();
        INTEGRATION_NAMES.put(key, name);
        return key;
    }

    private static HttpRequest alert(int port, String key, String dedupKey, String eventId) {
        String summary = "web01-cpu".equals(dedupKey) ? CPU_ALERT : "ディスク容量不足 " + dedupKey;
        String body = "{\"dedupKey\":\"" + dedupKey + "\",\"summary\":\"" + summary + "\",\"eventId\":\"" + eventId + "\"}";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/alerts/generic"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
