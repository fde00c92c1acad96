package io.incidentflow.alert;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationService;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns accepted alerts into incidents and carries out later actions (recovery, acknowledgement) on them.
 * Each group is handled in its own transaction holding its row lock ({@code SKIP LOCKED}), so any
 * number of nodes can drain the same queue and each group is opened exactly once; a failure rolls back
 * and leaves the group for the next sweep. Nothing is held in memory that a crash could lose.
 */
@Component
class IncidentOpener implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IncidentOpener.class);
    private static final int BATCH = 50;
    static final String RESOLVED_MESSAGE = "AlertResolved";

    private final AlertRepository repository;
    private final IncidentService incidents;
    private final IntegrationService integrations;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    // One drainer per node at a time; the database, not this flag, keeps nodes from doing work twice.
    private final ExecutorService executor = Executors.newSingleThreadExecutor(IncidentOpener::daemon);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean hinted = new AtomicBoolean();

    IncidentOpener(AlertRepository repository, IncidentService incidents, IntegrationService integrations,
            RuntimeService runtimeService, TransactionTemplate transaction) {
        this.repository = repository;
        this.incidents = incidents;
        this.integrations = integrations;
        this.runtimeService = runtimeService;
        this.transaction = transaction;
    }

    /** New work was committed on this node: drain now rather than at the next sweep. */
    void hint() {
        hinted.set(true);
        if (!draining.get()) {
            executor.execute(this::drain);
        }
    }

    @Scheduled(fixedDelayString = "${incidentflow.alerts.sweep-interval:1s}")
    void sweep() {
        drain();
    }

    /** Works through everything waiting; answers how many groups were handled. */
    int drain() {
        if (!draining.compareAndSet(false, true)) {
            return 0;
        }
        int handled = 0;
        try {
            List<Long> batch;
            do {
                hinted.set(false);
                batch = repository.groupsWithWork(BATCH);
                for (Long groupId : batch) {
                    handled += handle(groupId) ? 1 : 0;
                }
            } while (batch.size() == BATCH || hinted.get());
        } finally {
            draining.set(false);
        }
        // A hint that arrived while this drain was finishing must not wait for the next sweep.
        if (hinted.get()) {
            executor.execute(this::drain);
        }
        return handled;
    }

    private boolean handle(long groupId) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> repository.lockGroup(groupId)
                    .map(this::work)
                    .orElse(false)));
        } catch (RuntimeException e) {
            log.error("Alert group {} could not be handled; it stays queued for the next sweep", groupId, e);
            return false;
        }
    }

    private boolean work(AlertRepository.AlertGroup group) {
        Integration integration = integrations.find(group.integrationId()).orElseThrow();
        long incidentId = group.opening() ? open(group, integration) : group.incidentId();
        if (group.pendingAction() == GroupAction.RESOLVE) {
            Incident incident = incidents.findById(incidentId).orElseThrow();
            runtimeService.createMessageCorrelation(RESOLVED_MESSAGE)
                    .processInstanceId(incident.processInstanceId())
                    .setVariable("autoResolve", integration.autoResolve())
                    .setVariable("resolvedBySource", integration.name())
                    .correlateAllWithResult();
        } else if (group.pendingAction() == GroupAction.ACKNOWLEDGE) {
            incidents.acknowledge(incidentId, integration.name());
        }
        if (group.pendingAction() != null) {
            repository.clearAction(group.id());
        }
        return true;
    }

    private long open(AlertRepository.AlertGroup group, Integration integration) {
        AlertRepository.FirstAlert alert = repository.firstAlert(group.id());
        NewIncident incident = new NewIncident(
                alert.summary(),
                alert.details(),
                alert.service() != null ? alert.service() : integration.service(),
                alert.category() != null ? alert.category() : integration.category(),
                alert.impact() != null ? alert.impact() : integration.defaultImpact(),
                integration.urgency(),
                integration.type().name().toLowerCase(Locale.ROOT),
                integration.name(),
                alert.startedAt());
        Incident opened = incidents.open(incident, Map.of(
                "dedupKey", group.dedupKey(),
                "alertGroupId", group.id(),
                "integrationName", integration.name()));
        repository.markOpen(group.id(), opened.id());
        return opened.id();
    }

    /** Unfinished work is safe in the database; the thread must not keep a stopping JVM alive. */
    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "incident-opener");
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
