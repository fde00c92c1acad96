package io.incidentflow.timeline;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.incidentflow.AfterCommit;
import io.incidentflow.incident.IncidentAcknowledged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Incidents opened and resolved per priority, time to acknowledge and to resolve, counted by the node where it
 * happened (Prometheus adds the nodes up). Counted after commit: a step that rolls back and is retried counts once.
 */
@Component
class IncidentMetrics {

    private static final String CLASSIFIED = "recordClassificationDelegate";
    private static final String RESOLVED = "RESOLVED";

    private final JdbcClient jdbc;
    private final MeterRegistry registry;

    /**
     * Micrometer's global registry, which Spring Boot binds to /actuator/prometheus, as the alert intake uses: the
     * engine that runs a step publishes to whichever context registered it, and the count must reach the scrape.
     */
    @Autowired
    IncidentMetrics(JdbcClient jdbc) {
        this(jdbc, Metrics.globalRegistry);
    }

    IncidentMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** Called for every recorded step: the classification opens the incident (it has a priority from then on). */
    void stepDone(long incidentId, ServiceTask step, String status) {
        boolean classified = step.getCamundaDelegateExpression() != null
                && step.getCamundaDelegateExpression().contains(CLASSIFIED);
        if (!classified && !RESOLVED.equals(status)) {
            return;
        }
        Optional<Times> times = times(incidentId);
        times.ifPresent(incident -> AfterCommit.run(() -> {
            if (classified) {
                counter("incidentflow.incidents.opened", "Incidents classified as incidents, per priority", incident)
                        .increment();
            } else {
                counter("incidentflow.incidents.resolved", "Incidents resolved, per priority", incident).increment();
                record("incidentflow.incidents.time.to.resolve", "From registration to resolution", incident,
                        incident.registeredAt(), incident.resolvedAt());
            }
        }));
    }

    /** However it came (a claim, the API, Events API v2, a link), the first acknowledgement is timed once. */
    @EventListener
    void onAcknowledged(IncidentAcknowledged acknowledged) {
        AfterCommit.run(() -> times(acknowledged.incidentId()).ifPresent(incident -> record(
                "incidentflow.incidents.time.to.acknowledge", "From registration to the first acknowledgement",
                incident, incident.registeredAt(), incident.acknowledgedAt())));
    }

    private Counter counter(String name, String description, Times incident) {
        return Counter.builder(name).description(description).tag("priority", incident.priorityTag())
                .register(registry);
    }

    private void record(String name, String description, Times incident, OffsetDateTime from, OffsetDateTime to) {
        if (from == null || to == null) {
            return;
        }
        Timer.builder(name).description(description).tag("priority", incident.priorityTag())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(10))
                .maximumExpectedValue(Duration.ofDays(30))
                .register(registry)
                .record(Duration.between(from, to));
    }

    private Optional<Times> times(long incidentId) {
        return jdbc.sql("""
                SELECT priority, registered_at, acknowledged_at, acknowledged_by, resolved_at
                  FROM incident WHERE id = :id""")
                .param("id", incidentId)
                .query((rs, n) -> new Times(rs.getObject("priority", Integer.class),
                        rs.getObject("registered_at", OffsetDateTime.class),
                        rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getString("acknowledged_by"),
                        rs.getObject("resolved_at", OffsetDateTime.class)))
                .optional();
    }

    private record Times(Integer priority, OffsetDateTime registeredAt, OffsetDateTime acknowledgedAt,
            String acknowledgedBy, OffsetDateTime resolvedAt) {

        String priorityTag() {
            return priority == null ? "none" : "P" + priority;
        }
    }
}
