package io.incidentflow.alert;

import java.util.List;

import io.micrometer.core.instrument.Metrics;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Alerts received, de-duplicated and rejected per integration, as Prometheus counters. Counted in memory after the
 * intake's transaction, never inside its SQL; each node counts its own (Prometheus adds them up). Micrometer's global
 * registry, which Spring Boot binds to /actuator/prometheus, keeps the intake's constructors as they are.
 */
final class AlertMetrics {

    /** The request attribute naming the authenticated integration, so a rejection after the key check names it. */
    static final String INTEGRATION = AlertMetrics.class.getName() + ".integration";
    private static final String UNKNOWN = "unknown";

    private AlertMetrics() {
    }

    static void accepted(String integration, List<AlertIntake.AcceptedAlert> alerts) {
        long duplicates = alerts.stream().filter(alert -> alert.outcome() == AlertOutcome.DUPLICATE).count();
        Metrics.counter("incidentflow.alerts.received", "integration", integration).increment(alerts.size());
        if (duplicates > 0) {
            Metrics.counter("incidentflow.alerts.deduplicated", "integration", integration).increment(duplicates);
        }
    }

    /** {@code reason}: invalid, key, request (too large, not JSON …), unavailable or error (a fault of ours). */
    static void rejected(HttpServletRequest request, String reason) {
        Object integration = request == null ? null : request.getAttribute(INTEGRATION);
        Metrics.counter("incidentflow.alerts.rejected", "integration",
                integration == null ? UNKNOWN : integration.toString(), "reason", reason).increment();
    }
}
