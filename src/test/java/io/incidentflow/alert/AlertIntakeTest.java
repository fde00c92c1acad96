package io.incidentflow.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.audit.AuditLog;
import io.incidentflow.support.EmbeddedPostgresDatabase;

import org.camunda.bpm.engine.TaskService;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Monitoring alerts over HTTP into real PostgreSQL, through de-duplication to incidents in the engine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incidentflow.alerts.max-body-bytes=64KB")
@ActiveProfiles("test")
class AlertIntakeTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry, "intake");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    IncidentOpener opener;
    @Autowired
    AuditLog auditLog;
    @Autowired
    io.incidentflow.mail.MailIntake mailIntake;
    @Autowired
    io.incidentflow.incident.IncidentComments comments;

    @Test
    void duplicateAlertDoesNotOpenSecondIncident() throws Exception {
        String key = integration("GENERIC", true);

        assertThat(post(key, alert("disk-db01", "firing", "e1")).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        ResponseEntity<String> second = post(key, alert("disk-db01", "firing", "e2"));

        assertThat(json.readTree(second.getBody()).path("duplicates").asInt()).isEqualTo(1);
        long incidentId = awaitIncident("disk-db01");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single()).isEqualTo(countIncidents());
        assertThat(occurrences("disk-db01")).isEqualTo(2);
        String processInstanceId = processOf(incidentId);
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).count())
                .as("the incident waits at its first user task").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE dedup_key = 'disk-db01' AND incident_id = :id")
                .param("id", incidentId).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void fiftyParallelIdenticalAlertsOpenOneIncidentWithFiftyOccurrences() throws Exception {
        String key = integration("GENERIC", false);
        ExecutorService senders = Executors.newFixedThreadPool(50);
        List<Callable<HttpStatus>> posts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String event = "storm-" + i;
            posts.add(() -> HttpStatus.valueOf(post(key, alert("storm", "firing", event)).getStatusCode().value()));
        }
        List<HttpStatus> answers = new ArrayList<>();
        for (Future<HttpStatus> answer : senders.invokeAll(posts)) {
            answers.add(answer.get());
        }
        senders.shutdown();

        assertThat(answers).containsOnly(HttpStatus.ACCEPTED);
        awaitIncident("storm");
        assertThat(occurrences("storm")).isEqualTo(50);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT incident_id) FROM alert WHERE dedup_key = 'storm'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void retriedDeliveryIsAnsweredAgainButStoredOnce() throws Exception {
        String key = integration("GENERIC", false);
        post(key, alert("retry", "firing", "same-event"));

        ResponseEntity<String> retry = post(key, alert("retry", "firing", "same-event"));

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json.readTree(retry.getBody()).path("alerts").get(0).path("outcome").asText()).isEqualTo("REDELIVERED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE event_id = 'same-event'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRetriedWebhookStoresOnlyItsAlertsNotStoredBefore() throws Exception {
        String key = integration("ALERTMANAGER", false);
        Map<String, Object> first = alertmanagerAlert("retry-a");
        postJson("/api/alerts/alertmanager", key, webhook(List.of(first)));

        ResponseEntity<String> retry = postJson("/api/alerts/alertmanager", key,
                webhook(List.of(first, alertmanagerAlert("retry-b"))));

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode answer = json.readTree(retry.getBody());
        assertThat(answer.path("alerts").get(0).path("outcome").asText()).isEqualTo("REDELIVERED");
        assertThat(answer.path("alerts").get(1).path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE event_id LIKE 'retry-%'").query(Long.class).single())
                .isEqualTo(2);
    }

    private static Map<String, Object> alertmanagerAlert(String fingerprint) {
        return Map.of("status", "firing", "labels", Map.of("alertname", "DiskFull", "instance", fingerprint),
                "annotations", Map.of("summary", "ディスク容量不足"), "startsAt", "2026-12-02T10:00:00Z",
                "fingerprint", fingerprint);
    }

    private static Map<String, Object> webhook(List<Map<String, Object>> alerts) {
        return Map.of("version", "4", "groupKey", "{}:{alertname=\"DiskFull\"}", "status", "firing",
                "receiver", "incidentflow", "alerts", alerts);
    }

    @Test
    void recoveryResolvesAndClosesTheIncidentAndFreesTheKeyWhenTheIntegrationSaysSo() throws Exception {
        String key = integration("GENERIC", true);
        post(key, alert("vpn-down", "firing", "v1"));
        long first = awaitIncident("vpn-down");

        post(key, alert("vpn-down", "resolved", "v2"));

        await(() -> "CLOSED".equals(status(first)), "incident closed by the recovery");
        assertThat(jdbc.sql("SELECT resolved_by FROM incident WHERE id = :id").param("id", first)
                .query(String.class).single()).startsWith("it-");
        post(key, alert("vpn-down", "firing", "v3"));
        long second = awaitIncident("vpn-down");
        assertThat(second).as("the freed key opens a new incident").isNotEqualTo(first);
    }

    @Test
    void recoveryOnlyInformsTheResponderWhenTheIntegrationWaits() throws Exception {
        String key = integration("GENERIC", false);
        post(key, alert("cpu-web01", "firing", "c1"));
        long incident = awaitIncident("cpu-web01");

        post(key, alert("cpu-web01", "resolved", "c2"));
        await(() -> pendingAction("cpu-web01") == null, "recovery handled");

        assertThat(status(incident)).isNotEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT outcome FROM alert WHERE event_id = 'c2'").query(String.class).single())
                .isEqualTo("RESOLVED");
    }

    @Test
    void anAcceptedAlertIsOpenedEvenIfTheNodeDiedBeforeOpeningIt() {
        String key = integration("GENERIC", false);
        long integrationId = jdbc.sql("SELECT MAX(id) FROM integration").query(Long.class).single();
        // What a crash right after the accepting commit leaves behind: an OPENING group and its alert.
        long groupId = jdbc.sql("""
                INSERT INTO alert_group (integration_id, dedup_key, state, first_seen)
                VALUES (:i, 'orphan', 'OPENING', CURRENT_TIMESTAMP) RETURNING id""")
                .param("i", integrationId).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO alert (integration_id, dedup_key, status, summary, received_at, alert_group_id, outcome)
                VALUES (:i, 'orphan', 'FIRING', '孤立したアラート', CURRENT_TIMESTAMP, :g, 'NEW')""")
                .param("i", integrationId).param("g", groupId).update();
        assertThat(key).isNotBlank();

        opener.drain();

        long incidentId = awaitIncident("orphan");
        assertThat(jdbc.sql("SELECT title FROM incident WHERE id = :id").param("id", incidentId)
                .query(String.class).single()).isEqualTo("孤立したアラート");
    }

    @Test
    void eventsV2TriggerAcknowledgeAndResolveActLikeAResponder() throws Exception {
        String key = integration("EVENTS_V2", true);
        ResponseEntity<String> trigger = postJson("/v2/enqueue", null, Map.of("routing_key", key,
                "event_action", "trigger", "dedup_key", "pd-1",
                "payload", Map.of("summary", "決済 API 応答なし", "source", "api01", "severity", "critical")));
        JsonNode answer = json.readTree(trigger.getBody());
        assertThat(trigger.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.path("status").asText()).isEqualTo("success");
        assertThat(answer.path("dedup_key").asText()).isEqualTo("pd-1");
        long incident = awaitIncident("pd-1");

        postJson("/v2/enqueue", null, Map.of("routing_key", key, "event_action", "acknowledge", "dedup_key", "pd-1"));
        await(() -> jdbc.sql("SELECT acknowledged_by FROM incident WHERE id = :id").param("id", incident)
                .query(String.class).optional().orElse(null) != null, "acknowledged");
        postJson("/v2/enqueue", null, Map.of("routing_key", key, "event_action", "resolve", "dedup_key", "pd-1"));

        await(() -> "CLOSED".equals(status(incident)), "resolved and closed");
    }

    @Test
    void keysAreCheckedBeforeAnythingIsRead() {
        String generic = integration("GENERIC", false);
        assertThat(post(null, alert("k", "firing", null)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post("not-a-key", alert("k", "firing", null)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(postJson("/api/alerts/alertmanager", generic, Map.of("version", "4")).getStatusCode())
                .as("a generic key on the Alertmanager endpoint").isEqualTo(HttpStatus.FORBIDDEN);
        admin("/api/integrations/" + integrationId(generic) + "/disable");
        assertThat(post(generic, alert("k", "firing", null)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE dedup_key = 'k'").query(Long.class).single()).isZero();
    }

    @Test
    void aKeyJustDisabledOrRotatedAwayIsRefusedAtOnceOnThisNode() throws Exception {
        String key = integration("GENERIC", false);
        long id = integrationId(key);
        assertThat(post(key, alert("cached-1", "firing", null)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        admin("/api/integrations/" + id + "/disable");
        assertThat(post(key, alert("cached-2", "firing", null)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        admin("/api/integrations/" + id + "/enable");
        assertThat(post(key, alert("cached-3", "firing", null)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String rotated = json.readTree(admin("/api/integrations/" + id + "/rotate-key").getBody()).path("key").asText();

        assertThat(post(key, alert("cached-4", "firing", null)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(rotated, alert("cached-5", "firing", null)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    private long integrationId(String key) {
        return jdbc.sql("SELECT id FROM integration WHERE key_hint = :hint").param("hint", key.substring(0, 4))
                .query(Long.class).single();
    }

    private ResponseEntity<String> admin(String path) {
        ResponseEntity<String> answer = http.withBasicAuth("admin", "test-admin-password").postForEntity(path, null,
                String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path).isTrue();
        return answer;
    }

    @Test
    void badPayloadsAreRefusedNamingTheProblemAndStoreNothing() throws Exception {
        String key = integration("GENERIC", false);

        ResponseEntity<String> noSummary = postJson("/api/alerts/generic", key, Map.of("dedupKey", "bad-1"));
        ResponseEntity<String> malformed = postRaw(key, MediaType.APPLICATION_JSON, "{\"dedupKey\": ");
        ResponseEntity<String> text = postRaw(key, MediaType.TEXT_PLAIN, "{}");
        ResponseEntity<String> huge = postJson("/api/alerts/generic", key, Map.of("dedupKey", "bad-2",
                "summary", "x", "details", "あ".repeat(40_000)));

        assertThat(noSummary.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(noSummary.getBody()).path("errors").get(0).path("field").asText()).isEqualTo("summary");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE dedup_key LIKE 'bad-%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileReadingAndStoresNothing() throws Exception {
        String key = integration("GENERIC", false);
        byte[] body = ("{\"dedupKey\": \"chunked\", \"summary\": \"" + "x".repeat(100_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // No Content-Length: the limit can only be found by counting while reading.
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(http.getRootUri() + "/api/alerts/generic"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE dedup_key = 'chunked'").query(Long.class).single()).isZero();
    }

    @Test
    void integrationKeysAreShownOnceRotatedAndAudited() throws Exception {
        ResponseEntity<String> created = http.withBasicAuth("admin", "test-admin-password").postForEntity(
                "/api/integrations", jsonEntity(Map.of("name", "audited-" + NAMES.incrementAndGet(), "type", "GENERIC")),
                String.class);
        JsonNode body = json.readTree(created.getBody());
        long id = body.path("integration").path("id").asLong();
        String oldKey = body.path("key").asText();
        assertThat(http.withBasicAuth("admin", "test-admin-password").getForEntity("/api/integrations/" + id,
                String.class).getBody()).doesNotContain(oldKey);

        String newKey = json.readTree(http.withBasicAuth("admin", "test-admin-password")
                .postForEntity("/api/integrations/" + id + "/rotate-key", null, String.class).getBody())
                .path("key").asText();

        assertThat(post(oldKey, alert("rot", "firing", null)).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(newKey, alert("rot", "firing", null)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE target_type = 'integration' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list()).containsExactly("create", "rotate-key");
        assertThat(auditLog.verify().intact()).isTrue();
        assertThat(http.withBasicAuth("desk-user", "desk-user-password").getForEntity("/api/integrations",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("desk-user", "desk-user-password").exchange("/api/integrations/" + id,
                HttpMethod.PATCH, jsonEntity(Map.of("urgency", 1)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("desk-user", "desk-user-password").postForEntity("/api/integrations/" + id
                + "/rotate-key", null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void japaneseMailOpensAnIncidentOnceAndItsReplyBecomesAComment() throws Exception {
        integration("EMAIL", false, "support-mail");
        var mailbox = new io.incidentflow.mail.MailboxProperties.Mailbox("support", "support-mail",
                io.incidentflow.mail.MailboxProperties.Protocol.IMAP, "127.0.0.1", 143, "support", "secret-secret",
                "INBOX", null, null, Duration.ofSeconds(30), List.of("@example.co.jp"),
                org.springframework.util.unit.DataSize.ofMegabytes(1), 5);
        var log = new io.incidentflow.mail.MailAttachment("障害ログ①.txt", "text/plain", "ログ本文".getBytes(
                StandardCharsets.UTF_8));
        var mail = new io.incidentflow.mail.ParsedMail("<m1@example.co.jp>", "taro@example.co.jp", "山田 太郎",
                List.of("support@example.com"), List.of(), "【障害】db01 応答なし ①㈱～", "至急ご確認ください。", null,
                null, List.of(), List.of(log), List.of());

        assertThat(mailIntake.accept(mail, mailbox)).isInstanceOf(io.incidentflow.mail.MailOutcome.Accepted.class);
        assertThat(mailIntake.accept(mail, mailbox)).as("the same mail polled again")
                .isInstanceOf(io.incidentflow.mail.MailOutcome.Duplicate.class);
        long incidentId = awaitIncident("<m1@example.co.jp>");
        assertThat(jdbc.sql("SELECT title FROM incident WHERE id = :id").param("id", incidentId)
                .query(String.class).single()).isEqualTo("【障害】db01 応答なし ①㈱～");
        String number = jdbc.sql("SELECT number FROM incident WHERE id = :id").param("id", incidentId)
                .query(String.class).single();

        var reply = new io.incidentflow.mail.ParsedMail("<m2@example.co.jp>", "taro@example.co.jp", "山田 太郎",
                List.of("support@example.com"), List.of(), "Re: [" + number + "] 【障害】db01", "再起動で復旧しました。",
                null, number, List.of(), List.of(), List.of());
        assertThat(mailIntake.accept(reply, mailbox)).isInstanceOf(io.incidentflow.mail.MailOutcome.Accepted.class);
        assertThat(mailIntake.accept(reply, mailbox)).isInstanceOf(io.incidentflow.mail.MailOutcome.Duplicate.class);

        assertThat(countIncidents()).as("a reply opens nothing").isEqualTo(jdbc.sql(
                "SELECT COUNT(*) FROM incident").query(Long.class).single());
        assertThat(comments.of(incidentId)).singleElement()
                .satisfies(c -> assertThat(c.body()).isEqualTo("再起動で復旧しました。"));
        assertThat(comments.attachmentsOf(incidentId)).singleElement()
                .satisfies(a -> assertThat(a.name()).isEqualTo("障害ログ①.txt"));
    }

    @Test
    void mailFromAnUnknownSenderIsRefusedAndStoresNothing() {
        integration("EMAIL", false, "support-mail-2");
        var mailbox = new io.incidentflow.mail.MailboxProperties.Mailbox("support2", "support-mail-2",
                io.incidentflow.mail.MailboxProperties.Protocol.IMAP, "127.0.0.1", 143, "support", "secret-secret",
                "INBOX", null, null, Duration.ofSeconds(30), List.of("@example.co.jp"),
                org.springframework.util.unit.DataSize.ofMegabytes(1), 5);
        var spam = new io.incidentflow.mail.ParsedMail("<spam@evil.example>", "x@evil.example", null, List.of(),
                List.of(), "今すぐクリック", "…", null, null, List.of(), List.of(), List.of());

        assertThat(mailIntake.accept(spam, mailbox)).isInstanceOf(io.incidentflow.mail.MailOutcome.Refused.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE dedup_key = '<spam@evil.example>'")
                .query(Long.class).single()).isZero();
    }

    private String integration(String type, boolean autoResolve) {
        return integration(type, autoResolve, "it-" + NAMES.incrementAndGet());
    }

    private String integration(String type, boolean autoResolve, String name) {
        ResponseEntity<String> created = http.withBasicAuth("admin", "test-admin-password").postForEntity(
                "/api/integrations", jsonEntity(Map.of("name", name, "type", type,
                        "category", "network", "service", "vpn", "defaultImpact", 3, "urgency", 2,
                        "autoResolve", autoResolve)),
                String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        try {
            return json.readTree(created.getBody()).path("key").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> alert(String dedupKey, String status, String eventId) {
        Map<String, Object> alert = new java.util.HashMap<>(Map.of("dedupKey", dedupKey, "status", status,
                "summary", "ディスク容量不足 " + dedupKey, "severity", "warning"));
        if (eventId != null) {
            alert.put("eventId", eventId);
        }
        return alert;
    }

    private ResponseEntity<String> post(String key, Map<String, Object> body) {
        return postJson("/api/alerts/generic", key, body);
    }

    private ResponseEntity<String> postJson(String path, String key, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.setBearerAuth(key);
        }
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> postRaw(String key, MediaType type, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.postForEntity("/api/alerts/generic?key=" + key, new HttpEntity<>(body, headers), String.class);
    }

    private static HttpEntity<Object> jsonEntity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private long awaitIncident(String dedupKey) {
        await(() -> incidentOf(dedupKey) != null, "incident for " + dedupKey);
        return incidentOf(dedupKey);
    }

    private Long incidentOf(String dedupKey) {
        return jdbc.sql("SELECT incident_id FROM alert_group WHERE dedup_key = :k AND state = 'OPEN'")
                .param("k", dedupKey).query(Long.class).optional().orElse(null);
    }

    private long occurrences(String dedupKey) {
        return jdbc.sql("SELECT COUNT(*) FROM alert WHERE dedup_key = :k AND outcome IN ('NEW', 'DUPLICATE')")
                .param("k", dedupKey).query(Long.class).single();
    }

    private String pendingAction(String dedupKey) {
        return jdbc.sql("SELECT pending_action FROM alert_group WHERE dedup_key = :k").param("k", dedupKey)
                .query(String.class).optional().orElse(null);
    }

    private String status(long incidentId) {
        return jdbc.sql("SELECT status FROM incident WHERE id = :id").param("id", incidentId).query(String.class).single();
    }

    private String processOf(long incidentId) {
        return jdbc.sql("SELECT process_instance_id FROM incident WHERE id = :id").param("id", incidentId)
                .query(String.class).single();
    }

    private long countIncidents() {
        return jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
    }

    /** The opener works asynchronously (hinted after each commit); a sweep stands in if a hint was missed. */
    private void await(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            opener.drain();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
