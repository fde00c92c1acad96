package io.incidentflow.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.IncidentflowApplication;
import io.incidentflow.support.EmbeddedPostgresDatabase;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load generator for the alert intake (README: "Benchmark"). Starts the application on H2 or an embedded
 * PostgreSQL, measures a bare engine start of the incident model as the baseline, then posts Alertmanager
 * webhooks over HTTP and prints figures. Not a test: it prints, it asserts nothing but "nothing lost".
 * Arguments (key=value): db=postgres|h2, alerts=20000, senders=32, duplicates=0.9, storm=100000, baseline=300.
 */
public final class AlertBenchmark {

    private static final String ADMIN_PASSWORD = "benchmark-admin-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> args;
    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;
    private final String base;
    private final AtomicLong peakHeap = new AtomicLong();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private String key;

    private AlertBenchmark(Map<String, String> args) {
        this.args = args;
        String db = arg("db", "postgres");
        String url = "h2".equals(db) ? "jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1"
                : EmbeddedPostgresDatabase.createDatabase("benchmark");
        // Command-line arguments: they outrank application.yml, default properties would not.
        this.app = new SpringApplicationBuilder(IncidentflowApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + ("h2".equals(db) ? "sa" : "postgres"),
                "--spring.datasource.password=" + ("h2".equals(db) ? "" : "postgres"),
                "--spring.datasource.hikari.maximum-pool-size=40",
                "--server.tomcat.threads.max=64",
                "--incidentflow.identity.admin-password=" + ADMIN_PASSWORD,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        this.jdbc = app.getBean(JdbcClient.class);
        this.base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        System.out.printf("database: %s, %d cores, max heap %d MiB%n", db,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            String[] pair = arg.split("=", 2);
            args.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        AlertBenchmark benchmark = new AlertBenchmark(args);
        try {
            benchmark.run();
        } finally {
            benchmark.app.close();
            System.exit(0);
        }
    }

    private void run() throws Exception {
        ScheduledHeap heap = new ScheduledHeap();
        key = createIntegration();
        rawInserts(intArg("raw", 5000), intArg("senders", 32));
        double baseline = bareEngineStarts(intArg("baseline", 300), intArg("senders", 32));
        double incidentRate = throughput(intArg("alerts", 20000), intArg("senders", 32),
                Double.parseDouble(arg("duplicates", "0.9")));
        System.out.printf("new incidents/s through the intake vs bare engine starts: %.2f x%n", incidentRate / baseline);
        pacedLatency(25, 250);
        storm(intArg("storm", 100000), intArg("senders", 32));
        heap.stop();
        System.out.printf("peak heap used: %d MiB%n", peakHeap.get() >> 20);
    }

    /** The database's own pace: single-row inserts, one commit each, what the accept path can at best reach. */
    private void rawInserts(int count, int threads) throws Exception {
        jdbc.sql("CREATE TABLE benchmark_raw (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v VARCHAR(100))")
                .update();
        org.springframework.transaction.support.TransactionTemplate transaction =
                app.getBean(org.springframework.transaction.support.TransactionTemplate.class);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(threads, () -> {
            while (next.getAndIncrement() < count) {
                transaction.executeWithoutResult(status ->
                        jdbc.sql("INSERT INTO benchmark_raw (v) VALUES ('x')").update());
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw insert: %d single-row commits from %d threads in %.1f s = %.0f/s%n",
                count, threads, seconds, count / seconds);
    }

    /** The baseline: the same model started directly on the engine, as fast as the engine goes. */
    private double bareEngineStarts(int count, int threads) throws Exception {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(threads, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                long t0 = System.nanoTime();
                runtime.startProcessInstanceByKey("incident-management", Map.of("title", "baseline " + i,
                        "source", "benchmark", "category", "server", "service", "web", "impact", 3, "urgency", 2,
                        "preClassified", true));
                latencies.add(System.nanoTime() - t0);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = count / seconds;
        System.out.printf("bare engine: %d starts (start -> first user task) in %.1f s = %.1f/s, %s%n",
                count, seconds, rate, percentiles(latencies));
        return rate;
    }

    /** Alerts as fast as the senders go, with a share of duplicates; then how fast incidents followed. */
    private double throughput(int alerts, int senders, double duplicateShare) throws Exception {
        int unique = Math.max(1, (int) Math.round(alerts * (1 - duplicateShare)));
        Map<String, Long> firstSent = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        String run = "t" + System.nanoTime();
        long start = System.nanoTime();
        parallel(senders, () -> {
            int i;
            while ((i = next.getAndIncrement()) < alerts) {
                String fingerprint = run + "-" + (i % unique);
                firstSent.putIfAbsent(fingerprint, System.currentTimeMillis());
                long t0 = System.nanoTime();
                if (post(fingerprint, run + "-e" + i) != 202) {
                    errors.incrementAndGet();
                }
                latencies.add(System.nanoTime() - t0);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("accept: %d alerts (%.0f %% duplicates) from %d senders in %.1f s = %.0f alerts/s, errors %d, %s%n",
                alerts, duplicateShare * 100, senders, seconds, alerts / seconds, errors.get(), percentiles(latencies));
        awaitOpen(run, unique);
        double opened = (System.nanoTime() - start) / 1e9;
        double rate = unique / opened;
        System.out.printf("incidents: %d opened within %.1f s of the first POST = %.1f new incidents/s%n",
                unique, opened, rate);
        return rate;
    }

    /** POST -> first user task at a steady 'perSecond' new incidents per second. */
    private void pacedLatency(int perSecond, int count) throws Exception {
        String run = "p" + System.nanoTime();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String fingerprint = run + "-" + i;
            pool.execute(() -> {
                sent.put(fingerprint, System.currentTimeMillis());
                post(fingerprint, fingerprint);
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        awaitOpen(run, count);
        List<Long> latencies = new ArrayList<>();
        jdbc.sql("""
                SELECT g.dedup_key, MIN(t.START_TIME_) AS first_task
                  FROM alert_group g JOIN incident i ON i.id = g.incident_id
                  JOIN ACT_HI_TASKINST t ON t.PROC_INST_ID_ = i.process_instance_id
                 WHERE g.dedup_key LIKE :run GROUP BY g.dedup_key""")
                .param("run", run + "-%")
                .query((rs, n) -> {
                    Timestamp firstTask = rs.getTimestamp("first_task");
                    latencies.add((firstTask.getTime() - sent.get(rs.getString("dedup_key"))) * 1_000_000L);
                    return null;
                }).list();
        System.out.printf("latency alert POST -> first user task at %d new incidents/s (%d incidents): %s%n",
                perSecond, latencies.size(), percentiles(latencies));
    }

    /** A storm: many alerts, few keys. Nothing may be lost and no key may open two incidents. */
    private void storm(int alerts, int senders) throws Exception {
        if (alerts <= 0) {
            return;
        }
        int unique = Math.max(1, alerts / 100);
        String run = "s" + System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        parallel(senders, () -> {
            int i;
            while ((i = next.getAndIncrement()) < alerts) {
                if (post(run + "-" + (i % unique), run + "-e" + i) != 202) {
                    errors.incrementAndGet();
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        awaitOpen(run, unique);
        long stored = jdbc.sql("SELECT COUNT(*) FROM alert WHERE dedup_key LIKE :run").param("run", run + "-%")
                .query(Long.class).single();
        long occurrences = jdbc.sql("""
                SELECT COUNT(*) FROM alert WHERE dedup_key LIKE :run AND outcome IN ('NEW', 'DUPLICATE')""")
                .param("run", run + "-%").query(Long.class).single();
        long incidents = jdbc.sql("SELECT COUNT(DISTINCT incident_id) FROM alert WHERE dedup_key LIKE :run")
                .param("run", run + "-%").query(Long.class).single();
        System.out.printf("storm: %d alerts, %d keys in %.1f s = %.0f alerts/s; errors %d; stored %d, counted %d,"
                + " incidents %d (expected %d) -> %s%n", alerts, unique, seconds, alerts / seconds, errors.get(),
                stored, occurrences, incidents, unique,
                stored == alerts && occurrences == alerts && incidents == unique ? "nothing lost, no duplicates"
                        : "MISMATCH");
    }

    private int post(String fingerprint, String eventId) {
        String body = """
                {"version":"4","groupKey":"bench","status":"firing","receiver":"incidentflow","alerts":[
                 {"status":"firing","labels":{"alertname":"DiskFull","instance":"%s","severity":"warning"},
                  "annotations":{"summary":"ディスク容量不足 %s"},"startsAt":"%s",
                  "fingerprint":"%s","generatorURL":"http://prometheus/graph"}]}"""
                .formatted(eventId, fingerprint, startsAt(eventId), fingerprint);
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts/alertmanager"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Each alert fires anew (its own start time), so none of them is a re-sent notification of another. */
    private static String startsAt(String eventId) {
        return java.time.Instant.parse("2026-11-23T00:00:00Z").plusMillis(Math.floorMod(eventId.hashCode(), 86_400_000))
                .toString();
    }

    private void awaitOpen(String run, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (jdbc.sql("SELECT COUNT(*) FROM alert_group WHERE state = 'OPEN' AND dedup_key LIKE :run")
                .param("run", run + "-%").query(Long.class).single() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("incidents not opened within 10 minutes");
            }
            Thread.sleep(20);
        }
    }

    private String createIntegration() throws Exception {
        String body = """
                {"name":"benchmark","type":"ALERTMANAGER","category":"server","service":"web",
                 "defaultImpact":3,"urgency":2,"perAlert":true}""";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/integrations"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(created.body()).path("key").asText();
    }

    private static void parallel(int threads, Runnable work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(work);
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99));
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size()))) / 1e6;
    }

    private String arg(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }

    private int intArg(String name, int fallback) {
        return Integer.parseInt(arg(name, String.valueOf(fallback)));
    }

    /** Samples used heap every 100 ms, so the storm's peak is seen. */
    private final class ScheduledHeap {
        private final java.util.concurrent.ScheduledExecutorService sampler =
                Executors.newSingleThreadScheduledExecutor();

        ScheduledHeap() {
            sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 100, TimeUnit.MILLISECONDS);
        }

        void stop() {
            sampler.shutdownNow();
        }
    }
}
