package io.incidentflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Prometheus scrapes the intake's and the incidents' counters; only admins and the monitoring group may. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Metrics are exported in tests only with this; all tests of this feature share the one context.
@AutoConfigureObservability
class MetricsTest {

    private static final String KEY = "configured-generic-key-for-tests";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void alertCountersPerIntegrationAreExposedAfterAnAlert() throws Exception {
        String alert = new ClassPathResource("alerts/generic-alert.json").getContentAsString(StandardCharsets.UTF_8)
                .replace("billing-close-run-8812", "metrics-" + System.nanoTime());
        assertThat(post("/api/alerts/generic", alert, KEY).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post("/api/alerts/generic", alert.replace("metrics-", "metrics-again-"), KEY).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post("/api/alerts/generic", "{\"status\": \"firing\"}", KEY).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/alerts/generic", alert, "no-such-key-000000000000000").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> scrape = http.withBasicAuth("admin", "test-admin-password")
                .getForEntity("/actuator/prometheus", String.class);

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody())
                .contains("incidentflow_alerts_received_total{integration=\"configured-generic\"}")
                .contains("incidentflow_alerts_deduplicated_total{integration=\"configured-generic\"}")
                .contains("incidentflow_alerts_rejected_total{integration=\"configured-generic\",reason=\"invalid\"}")
                .contains("incidentflow_alerts_rejected_total{integration=\"unknown\",reason=\"key\"}");
    }

    @Test
    void incidentCountersAndTimesPerPriorityAreExposedOnceAnIncidentIsWorked() throws Exception {
        Responders people = new Responders(http, json);
        String process = people.report("desk-user", Map.of("title", "メトリクス確認")).path("processInstanceId")
                .asText();
        people.work("desk-user", process, "Task_IdentifyIncident",
                Map.of("classification", "incident", "classificationReason", "確認"));
        people.work("desk-user", process, "Task_CategorizeIncident",
                Map.of("category", "database", "service", "db01", "impact", "3", "urgency", "2"));
        people.work("desk-user", process, "Task_InitialDiagnosis",
                Map.of("firstLineOutcome", "resolved", "diagnosis", "再起動", "resolution", "再起動した"));

        String scrape = http.withBasicAuth("admin", "test-admin-password")
                .getForEntity("/actuator/prometheus", String.class).getBody();

        assertThat(scrape).contains("incidentflow_incidents_opened_total{priority=\"P4\"}",
                "incidentflow_incidents_resolved_total{priority=\"P4\"}",
                "incidentflow_incidents_time_to_acknowledge_seconds_bucket{priority=\"none\"",
                "incidentflow_incidents_time_to_resolve_seconds_count{priority=\"P4\"}");
    }

    @Test
    void auditorsCannotScrape() {
        assertThat(http.withBasicAuth("auditor-user", "auditor-user-password")
                .getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> post(String path, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(key);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
