package io.incidentflow.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.IncidentflowApplication;
import io.incidentflow.support.EmbeddedPostgresDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two identical nodes on one PostgreSQL, as users scale out: the same storm sent to both opens one incident. */
class TwoNodesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();
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
                            "--spring.application.name=node-" + node));
        }
    }

    @AfterAll
    static void stopNodes() {
        NODES.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theSameAlertsSentToBothNodesAtOnceOpenOneIncident() throws Exception {
        String key = createIntegration(port(0));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(HTTP.sendAsync(alert(port(i % 2), key, "event-" + i), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(202);
        }

        JdbcClient jdbc = NODES.get(0).getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).as("both nodes on PostgreSQL")
                .startsWith("PostgreSQL");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (jdbc.sql("SELECT COUNT(*) FROM alert_group WHERE state = 'OPEN'").query(Long.class).single() == 0) {
            assertThat(Instant.now()).as("incident opened in time").isBefore(deadline);
            NODES.forEach(node -> node.getBean(IncidentOpener.class).drain());
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert WHERE outcome IN ('NEW', 'DUPLICATE')").query(Long.class)
                .single()).isEqualTo(40);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_TASK").query(Long.class).single())
                .as("one process instance waiting at its first task").isEqualTo(1);
    }

    private static int port(int node) {
        return ((WebServerApplicationContext) NODES.get(node)).getWebServer().getPort();
    }

    private static String createIntegration(int port) throws Exception {
        String body = "{\"name\":\"two-nodes\",\"type\":\"GENERIC\",\"category\":\"server\",\"service\":\"web\","
                + "\"defaultImpact\":3,\"urgency\":2}";
        String auth = java.util.Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes());
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/integrations")).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + auth).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("key").asText();
    }

    private static HttpRequest alert(int port, String key, String eventId) {
        String body = "{\"dedupKey\":\"web01-cpu\",\"summary\":\"CPU 使用率 98% web01\",\"eventId\":\"" + eventId + "\"}";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/alerts/generic"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
