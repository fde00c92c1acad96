package io.incidentflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import io.incidentflow.support.EmbeddedPostgresDatabase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The packaged application ({@code java -jar}) on a real PostgreSQL, killed with SIGKILL while alerts stream
 * in, then started again: what was acknowledged survives, retries do not duplicate, and timers that fell
 * due while it was down fire after the restart.
 */
class CrashRestartIT {

    private static final String KEY = "crash-test-key-0123456789abcdef";
    private static final String ADMIN_PASSWORD = "crash-test-admin-password";
    private static final int SENDERS = 4;
    private static final int ALERTS_PER_SENDER = 40;
    private static final int ANSWERED_BEFORE_KILL = 20;
    /** Each sender's pause between alerts: the stream lasts seconds, so the kill lands in the middle. */
    private static final Duration PACE = Duration.ofMillis(100);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> started = new ArrayList<>();
    private String jdbcUrl;
    private int port;

    @AfterEach
    void stopApplication() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void killedMidStreamAndRestartedLosesNothingDuplicatesNothingAndFiresTheTimersThatFellDue() throws Exception {
        jdbcUrl = EmbeddedPostgresDatabase.createDatabase("crash");
        JdbcClient db = JdbcClient.create(dataSource());
        port = freePort();
        Process first = start(1);
        deployWithResponseTargetOf("PT15S");

        Map<String, String> answered = new ConcurrentHashMap<>();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> streams = new ArrayList<>();
        for (int sender = 0; sender < SENDERS; sender++) {
            int id = sender;
            streams.add(senders.submit(() -> stream(id, answered, retried)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= ANSWERED_BEFORE_KILL
                && db.sql("SELECT COUNT(*) FROM incident WHERE response_due_at IS NOT NULL").query(Long.class).single() >= 2);
        first.destroyForcibly().waitFor();
        OffsetDateTime killedAt = OffsetDateTime.now();
        int answeredBeforeKill = answered.size();

        List<String> openedBeforeKill = db.sql("SELECT number FROM incident WHERE response_due_at IS NOT NULL")
                .query(String.class).list();
        assertThat(openedBeforeKill).as("incidents with a running response timer at the kill").isNotEmpty();
        // Down at least until every one of their response targets has passed.
        await().atMost(Duration.ofSeconds(60)).until(() -> db.sql("SELECT COUNT(*) FROM incident WHERE"
                + " response_due_at > CURRENT_TIMESTAMP").query(Long.class).single() == 0);
        OffsetDateTime restartedAt = OffsetDateTime.now();
        start(2);

        for (Future<?> stream : streams) {
            stream.get();
        }
        senders.shutdown();
        int total = SENDERS * ALERTS_PER_SENDER;
        assertThat(answered).hasSize(total);
        assertThat(retried.get()).as("alerts sent again after a failed attempt").isPositive();
        assertThat(answeredBeforeKill).isLessThan(total);

        await().atMost(Duration.ofSeconds(90)).until(() -> db.sql("SELECT COUNT(*) FROM alert_group"
                + " WHERE state = 'OPEN' AND incident_id IS NOT NULL").query(Long.class).single() == total);
        for (Map.Entry<String, String> alert : answered.entrySet()) {
            assertThat(db.sql("SELECT COUNT(*) FROM alert a JOIN alert_group g ON g.id = a.alert_group_id"
                            + " JOIN incident i ON i.id = g.incident_id WHERE a.event_id = :event"
                            + " AND a.dedup_key = :key AND i.process_instance_id IS NOT NULL")
                    .param("event", alert.getKey()).param("key", alert.getValue()).query(Long.class).single())
                    .as("alert " + alert.getKey() + " stored once, with its incident").isEqualTo(1);
        }
        assertThat(db.sql("SELECT COUNT(*) FROM alert").query(Long.class).single()).as("no retry stored twice")
                .isEqualTo(total);
        assertThat(db.sql("SELECT COUNT(*) FROM incident").query(Long.class).single()).as("one incident per alert key")
                .isEqualTo(total);

        await().atMost(Duration.ofSeconds(60)).until(() -> db.sql("SELECT COUNT(*) FROM incident WHERE"
                + " response_breached AND number IN (:numbers)").param("numbers", openedBeforeKill)
                .query(Long.class).single() == openedBeforeKill.size());
        assertThat(db.sql("SELECT MIN(l.TIMESTAMP_) FROM ACT_HI_JOB_LOG l JOIN incident i"
                        + " ON i.process_instance_id = l.PROCESS_INSTANCE_ID_ WHERE l.JOB_STATE_ = 2"
                        + " AND l.JOB_DEF_TYPE_ = 'timer-transition' AND i.number IN (:numbers)")
                .param("numbers", openedBeforeKill).query(java.sql.Timestamp.class).single().toInstant())
                .as("the timers that fell due while the app was down ran after the restart (killed at " + killedAt + ")")
                .isAfter(restartedAt.toInstant());
        System.out.printf("Crash test: %d of %d alerts answered before SIGKILL, %d retried, %d response timers"
                + " due while down%n", answeredBeforeKill, total, retried.get(), openedBeforeKill.size());
        assertThat(db.sql("SELECT COUNT(*) FROM ACT_HI_ACTINST a JOIN incident i ON i.process_instance_id ="
                        + " a.PROC_INST_ID_ WHERE a.ACT_ID_ = 'Task_RecordResponseBreach' AND i.number IN (:numbers)")
                .param("numbers", openedBeforeKill).query(Long.class).single()).as("each breach recorded once")
                .isEqualTo(openedBeforeKill.size());
    }

    /** One monitoring sender: each alert is sent until it is answered 2xx, as Alertmanager retries. */
    private Void stream(int sender, Map<String, String> answered, AtomicInteger retried) throws Exception {
        for (int i = 0; i < ALERTS_PER_SENDER; i++) {
            String dedupKey = "host-" + sender + "-" + i;
            String eventId = "event-" + sender + "-" + i;
            String body = "{\"dedupKey\":\"" + dedupKey + "\",\"eventId\":\"" + eventId
                    + "\",\"summary\":\"ディスク容量不足 " + dedupKey + "\"}";
            boolean first = true;
            while (!send(body)) {
                if (first) {
                    retried.incrementAndGet();
                    first = false;
                }
                Thread.sleep(300);
            }
            answered.put(eventId, dedupKey);
            Thread.sleep(PACE.toMillis());
        }
        return null;
    }

    private boolean send(String body) throws InterruptedException {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(url("/api/alerts/generic"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 400 && answer.statusCode() < 500) {
                throw new AssertionError("alert refused: " + answer.statusCode() + " " + answer.body());
            }
            return answer.statusCode() / 100 == 2;
        } catch (IOException connectionLost) {
            return false;
        }
    }

    private Process start(int run) throws Exception {
        Path log = Path.of("target", "e2e-crash-app-" + run + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", System.getProperty("e2e.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        env.put("INCIDENTFLOW_IDENTITY_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("INCIDENTFLOW_INTEGRATIONS_0_NAME", "crash-monitoring");
        env.put("INCIDENTFLOW_INTEGRATIONS_0_TYPE", "GENERIC");
        env.put("INCIDENTFLOW_INTEGRATIONS_0_KEY", KEY);
        env.put("INCIDENTFLOW_INTEGRATIONS_0_CATEGORY", "server");
        env.put("INCIDENTFLOW_INTEGRATIONS_0_SERVICE", "storage");
        env.put("INCIDENTFLOW_INTEGRATIONS_0_DEFAULT_IMPACT", "3");
        env.put("INCIDENTFLOW_INTEGRATIONS_0_URGENCY", "2");
        Process process = builder.start();
        started.add(process);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(process.isAlive()).as("app running, see " + log).isTrue();
            return healthy();
        });
        return process;
    }

    private boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(url("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Deploys the shipped models and forms as Camunda Modeler would, with every response target of the
     * priority matrix set to {@code target}, so a timer falls due within the test.
     */
    private void deployWithResponseTargetOf(String target) throws Exception {
        Map<String, byte[]> resources = new java.util.LinkedHashMap<>();
        resources.put("incident-management.bpmn", Files.readAllBytes(Path.of("processes/incident-management.bpmn")));
        resources.put("assignment-routing.dmn", Files.readAllBytes(Path.of("processes/assignment-routing.dmn")));
        resources.put("priority-matrix.dmn", responseTargets(Path.of("processes/priority-matrix.dmn"), target));
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                resources.put(form.getFileName().toString(), Files.readAllBytes(form));
            }
        }
        String boundary = "crash-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "deployment-name", null, "crash test: short response target".getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "deployment-source", null, "crash test".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            part(body, boundary, resource.getKey(), resource.getKey(), resource.getValue());
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> deployed = HTTP.send(HttpRequest.newBuilder(url("/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    }

    private static byte[] responseTargets(Path dmn, String target) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(dmn.toFile());
        NodeList rules = document.getElementsByTagNameNS("*", "rule");
        for (int i = 0; i < rules.getLength(); i++) {
            Element responseTarget = (Element) ((Element) rules.item(i)).getElementsByTagNameNS("*", "outputEntry").item(1);
            responseTarget.getElementsByTagNameNS("*", "text").item(0).setTextContent("\"" + target + "\"");
        }
        StringWriter xml = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(xml));
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String file, byte[] content)
            throws IOException {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"\r\nContent-Type: application/octet-stream") + "\r\n\r\n";
        body.write(header.getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
