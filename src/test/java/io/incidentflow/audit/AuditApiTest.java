package io.incidentflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The audit log over HTTP: its chain checked, its entries listed, a model deployment by an analyst in it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Metrics are exported in tests only with this; all tests of this feature share the one context.
@AutoConfigureObservability
class AuditApiTest {

    private static final String AUDITOR = "auditor-user";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog log;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void verifyReportsAnEditedRowAndThenADeletedRow() throws Exception {
        long[] ids = recordThree();
        AuditRow second = row(ids[1]);
        try {
            assertThat(verify().path("intact").asBoolean()).isTrue();

            jdbc.sql("UPDATE audit_log SET details = :d WHERE id = :id").param("d", "{\"name\":\"改ざん\"}")
                    .param("id", ids[1]).update();
            JsonNode edited = verify();
            assertThat(edited.path("intact").asBoolean()).isFalse();
            assertThat(edited.path("firstBrokenEntryId").asLong()).isEqualTo(ids[1]);

            jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", ids[1]).update();
            JsonNode deleted = verify();
            assertThat(deleted.path("intact").asBoolean()).isFalse();
            assertThat(deleted.path("firstBrokenEntryId").asLong()).isEqualTo(ids[2]);
        } finally {
            // Other tests share this database: the chain goes back to what it was.
            jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", ids[1]).update();
            second.restore(jdbc);
        }
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void entriesAreListedForAPeriod() throws Exception {
        long[] ids = recordThree();
        String at = row(ids[0]).at();

        JsonNode entries = get(AUDITOR, "/api/audit?from=" + at.replace("+", "%2B") + "&limit=3");
        JsonNode bad = json.readTree(http.withBasicAuth(AUDITOR, AUDITOR + "-password")
                .getForEntity("/api/audit?from=yesterday", String.class).getBody());

        assertThat(entries.size()).isEqualTo(3);
        assertThat(entries.get(0).path("id").asLong()).isEqualTo(ids[0]);
        assertThat(entries.get(0).path("details").asText()).contains("プロメテウス");
        assertThat(bad.path("errors").get(0).path("field").asText()).isEqualTo("from");
    }

    @Test
    void modelDeployedThroughEngineRestByAnAnalystIsAuditedWithTheirName() throws Exception {
        String key = "audit-probe-" + System.nanoTime();
        ResponseEntity<String> deployed = deploy("analyst-user", key);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
        String deploymentId = json.readTree(deployed.getBody()).path("id").asText();
        ResponseEntity<String> unchanged = deploy("analyst-user", key);

        List<JsonNode> audited = deployments(deploymentId);
        assertThat(audited).hasSize(1);
        JsonNode entry = audited.get(0);
        assertThat(entry.path("actor").asText()).isEqualTo("analyst-user");
        assertThat(entry.path("action").asText()).isEqualTo("deploy");
        JsonNode details = json.readTree(entry.path("details").asText());
        assertThat(details.path("source").asText()).isEqualTo("Camunda Modeler");
        assertThat(details.path("resources").get(0).asText()).isEqualTo(key + ".bpmn");
        assertThat(details.path("processDefinitions").get(0).asText()).isEqualTo(key + ":1");
        assertThat(json.readTree(unchanged.getBody()).path("id").asText())
                .as("duplicate filtering answered the same deployment, nothing new to audit").isEqualTo(deploymentId);
        assertThat(verify().path("intact").asBoolean()).isTrue();
    }

    @Test
    void deploymentDeletedThroughEngineRestIsAuditedWithTheUsersName() throws Exception {
        ResponseEntity<String> deployed = deploy("analyst-user", "audit-delete-" + System.nanoTime());
        String deploymentId = json.readTree(deployed.getBody()).path("id").asText();

        ResponseEntity<String> deleted = http.withBasicAuth("analyst-user", "analyst-user-password").exchange(
                "/engine-rest/deployment/" + deploymentId, HttpMethod.DELETE, null,
                String.class);

        assertThat(deleted.getStatusCode()).as(deleted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(deployments(deploymentId)).extracting(entry -> entry.path("action").asText(),
                entry -> entry.path("actor").asText())
                .containsExactly(tuple("deploy", "analyst-user"),
                        tuple("delete-deployment", "analyst-user"));
    }

    @Test
    void onlyAuditorsAndAdminsReadTheAuditLog() {
        assertThat(http.withBasicAuth("analyst-user", "analyst-user-password").getForEntity("/api/audit/verify",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("admin", "test-admin-password").getForEntity("/api/audit/verify",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private List<JsonNode> deployments(String deploymentId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        get(AUDITOR, "/api/audit?limit=10000").forEach(entry -> {
            if (entry.path("targetType").asText().equals("deployment")
                    && entry.path("targetId").asText().equals(deploymentId)) {
                found.add(entry);
            }
        });
        return found;
    }

    private ResponseEntity<String> deploy(String user, String key) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" name="監査プローブ" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Probe" name="Start"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", key);
        form.add("deployment-source", "Camunda Modeler");
        form.add("enable-duplicate-filtering", "true");
        form.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return key + ".bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, user + "-password").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(form, headers), String.class);
    }

    private long[] recordThree() {
        String target = "probe-" + System.nanoTime();
        for (String action : new String[] {"create", "rotate-key", "disable"}) {
            transaction.executeWithoutResult(status -> log.record("admin", action, "integration", target,
                    Map.of("name", "プロメテウス")));
        }
        return jdbc.sql("SELECT id FROM audit_log WHERE target_id = :t ORDER BY id").param("t", target)
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    private JsonNode verify() throws Exception {
        return get(AUDITOR, "/api/audit/verify");
    }

    private JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, user + "-password").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private AuditRow row(long id) {
        return jdbc.sql("SELECT * FROM audit_log WHERE id = :id").param("id", id)
                .query((rs, n) -> new AuditRow(id, rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                        rs.getString("target_id"), rs.getString("details"), rs.getString("prev_hash"),
                        rs.getString("hash")))
                .single();
    }

    private record AuditRow(long id, OffsetDateTime atTime, String actor, String action, String targetType,
            String targetId, String details, String prevHash, String hash) {

        String at() {
            return atTime.toString();
        }

        void restore(JdbcClient jdbc) {
            jdbc.sql("""
                    INSERT INTO audit_log (id, at, actor, action, target_type, target_id, details, prev_hash, hash)
                    VALUES (:id, :at, :actor, :action, :type, :target, :details, :prev, :hash)""")
                    .param("id", id).param("at", atTime).param("actor", actor).param("action", action)
                    .param("type", targetType).param("target", targetId).param("details", details)
                    .param("prev", prevHash).param("hash", hash).update();
        }
    }
}
