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
 * Arguments (key=value): db=postgres|h2, alerts=20000, senders=32, duplicates=0.9, group=10, paced-rate=500,
 * paced-seconds=10, storm=100000, baseline=300, engine-threads=4,32, warm-up=200, warm-up-alerts=20000, raw=5000.
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
    private final ThreadLocal<KeepAliveClient> client;

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
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        this.base = "http://localhost:" + port;
        this.client = ThreadLocal.withInitial(() -> new KeepAliveClient("localhost", port));
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
        int senders = intArg("senders", 32);
        rawInserts(intArg("raw", 5000), senders);
        // Unmeasured starts first: a cold JIT would make the bare engine look slower than it is.
        bareEngineStarts(intArg("warm-up", 200), 4, "warm-up (not counted)");
        double baseline = 0;
        for (String threads : arg("engine-threads", "4,32").split(",")) {
            baseline = Math.max(baseline, bareEngineStarts(intArg("baseline", 300), Integer.parseInt(threads.strip()),
                    "bare engine"));
        }
        double duplicates = Double.parseDouble(arg("duplicates", "0.9"));
        // The same for the intake: a node that has been up for a minute has compiled its hot path.
        throughput("warm-up (not counted)", intArg("warm-up-alerts", 20000), senders, duplicates, 1);
        double single = throughput("accept", intArg("alerts", 20000), senders, duplicates, 1);
        double grouped = throughput("accept", intArg("alerts", 20000), senders, duplicates, intArg("group", 10));
        double p99 = pacedAccept(intArg("paced-rate", 500), intArg("paced-seconds", 10), duplicates);
        double incidentRate = incidentOpening(intArg("baseline", 300), senders);
        double ratio = incidentRate / baseline;
        System.out.printf("new incidents/s through the intake vs the best bare engine run: %.1f / %.1f = %.2f x%n",
                incidentRate, baseline, ratio);
        double latency = pacedLatency(25, 250);
        String storm = storm(intArg("storm", 100000), senders);
        heap.stop();
        System.out.printf("peak heap used: %d MiB%n", peakHeap.get() >> 20);
        System.out.println();
        System.out.println("| figure | measured | target |");
        System.out.println("|---|---|---|");
        System.out.printf("| accepted, one alert per POST, %.0f %% duplicates | %.0f alerts/s | >= 2,000/s |%n",
                duplicates * 100, single);
        System.out.printf("| accepted, %d alerts per POST (an Alertmanager group) | %.0f alerts/s | >= 2,000/s |%n",
                intArg("group", 10), grouped);
        System.out.printf("| accept p99 at %d alerts/s | %.1f ms | <= 50 ms |%n", intArg("paced-rate", 500), p99);
        System.out.printf("| new incidents through the intake / bare engine | %.2f x | >= 1.0 x |%n", ratio);
        System.out.printf("| POST -> first user task p99 at 25 new incidents/s | %.0f ms | <= 250 ms |%n", latency);
        System.out.printf("| storm | %s | nothing lost, no duplicates |%n", storm);
        System.out.printf("| peak heap | %d MiB | bounded |%n", peakHeap.get() >> 20);
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
    private double bareEngineStarts(int count, int threads, String label) throws Exception {
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
        System.out.printf("%s: %d starts (start -> first user task) from %d threads in %.1f s = %.1f/s, %s%n",
                label, count, threads, seconds, rate, percentiles(latencies));
        return rate;
    }

    /** Alerts as fast as the senders go, with a share of duplicates, {@code group} alerts per POST. */
    private double throughput(String label, int alerts, int senders, double duplicateShare, int group)
            throws Exception {
        int unique = Math.max(1, (int) Math.round(alerts * (1 - duplicateShare)));
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        String run = "t" + System.nanoTime();
        long start = System.nanoTime();
        parallel(senders, () -> {
            int first;
            while ((first = next.getAndAdd(group)) < alerts) {
                List<String> fingerprints = new ArrayList<>();
                for (int i = first; i < Math.min(alerts, first + group); i++) {
                    fingerprints.add(run + "-" + (i % unique));
                }
                long t0 = System.nanoTime();
                if (post(fingerprints, run + "-e" + first) != 202) {
                    errors.incrementAndGet();
                }
                latencies.add(System.nanoTime() - t0);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = alerts / seconds;
        System.out.printf("%s: %d alerts (%.0f %% duplicates, %d per POST) from %d senders in %.1f s = %.0f alerts/s,"
                + " errors %d, POST %s%n", label, alerts, duplicateShare * 100, group, senders, seconds, rate, errors.get(),
                percentiles(latencies));
        awaitOpen(run, unique);
        return rate;
    }

    /** Accept latency at a steady pace, one alert per POST: what a sender sees on a busy but not saturated node. */
    private double pacedAccept(int perSecond, int seconds, double duplicateShare) throws Exception {
        int count = perSecond * seconds;
        int unique = Math.max(1, (int) Math.round(count * (1 - duplicateShare)));
        String run = "a" + System.nanoTime();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        parallel(32, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(wait);
                }
                // Measured from when the POST was due: a late sender counts its wait too.
                if (post(List.of(run + "-" + (i % unique)), run + "-e" + i) != 202) {
                    errors.incrementAndGet();
                }
                latencies.add(System.nanoTime() - Math.max(due, start));
            }
        });
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("accept at a steady %d alerts/s (%.0f %% duplicates, %d alerts): errors %d, POST %s%n",
                perSecond, duplicateShare * 100, count, errors.get(), percentiles(sorted));
        awaitOpen(run, unique);
        return sorted.isEmpty() ? Double.NaN : at(sorted, 0.99);
    }

    /**
     * How fast the intake turns alerts into incidents: every alert opens one, and the clock runs from the first POST
     * to the last incident open (its first user task exists: the opening transaction ran to it).
     */
    private double incidentOpening(int count, int senders) throws Exception {
        String run = "o" + System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(senders, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                post(List.of(run + "-" + i), run + "-e" + i);
            }
        });
        awaitOpen(run, count);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = count / seconds;
        System.out.printf("incidents: %d alerts opened %d incidents within %.1f s of the first POST = %.1f/s%n",
                count, count, seconds, rate);
        return rate;
    }

    /** POST -> first user task at a steady 'perSecond' new incidents per second. */
    private double pacedLatency(int perSecond, int count) throws Exception {
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
                post(List.of(fingerprint), fingerprint);
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
        Collections.sort(latencies);
        return latencies.isEmpty() ? Double.NaN : at(latencies, 0.99);
    }

    /** A storm: many alerts, few keys. Nothing may be lost and no key may open two incidents. */
    private String storm(int alerts, int senders) throws Exception {
        if (alerts <= 0) {
            return "not run";
        }
        int unique = Math.max(1, alerts / 100);
        String run = "s" + System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        parallel(senders, () -> {
            int i;
            while ((i = next.getAndIncrement()) < alerts) {
                if (post(List.of(run + "-" + (i % unique)), run + "-e" + i) != 202) {
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
        boolean intact = stored == alerts && occurrences == alerts && incidents == unique;
        System.out.printf("storm: %d alerts, %d keys in %.1f s = %.0f alerts/s; errors %d; stored %d, counted %d,"
                + " incidents %d (expected %d) -> %s%n", alerts, unique, seconds, alerts / seconds, errors.get(),
                stored, occurrences, incidents, unique, intact ? "nothing lost, no duplicates" : "MISMATCH");
        return String.format(Locale.ROOT, "%,d alerts / %,d keys at %.0f alerts/s: stored %,d, %,d incidents%s",
                alerts, unique, alerts / seconds, stored, incidents, intact ? "" : " MISMATCH");
    }

    /** One Alertmanager webhook carrying one alert per fingerprint; each alert fires anew (its own start). */
    private int post(List<String> fingerprints, String eventId) {
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < fingerprints.size(); i++) {
            String fingerprint = fingerprints.get(i);
            alerts.append(i == 0 ? "" : ",").append("""
                    {"status":"firing","labels":{"alertname":"DiskFull","instance":"%s","severity":"warning"},
                     "annotations":{"summary":"ディスク容量不足 %s"},"startsAt":"%s",
                     "fingerprint":"%s","generatorURL":"http://prometheus/graph"}"""
                    .formatted(eventId + "-" + i, fingerprint, startsAt(eventId + "-" + i), fingerprint));
        }
        String body = """
                {"version":"4","groupKey":"bench","status":"firing","receiver":"incidentflow","alerts":[%s]}"""
                .formatted(alerts);
        return client.get().post("/api/alerts/alertmanager", "Bearer " + key, body);
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

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
