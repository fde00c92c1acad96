package io.incidentflow.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.incidentflow.engagement.ResponsePlan;
import io.incidentflow.engagement.ResponsePlanService;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationService;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns accepted alerts into incidents and carries out later actions (recovery, acknowledgement) on them.
 * Each group is claimed in its own transaction holding its row lock ({@code SKIP LOCKED}), so any number of
 * drainers on any number of nodes can drain the same queue and each group is opened exactly once; a failure
 * rolls back and leaves the group queued, tried again after a wait that doubles with each failure. Nothing is held
 * in memory that a crash could lose.
 */
@Component
class IncidentOpener implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IncidentOpener.class);
    static final String RESOLVED_MESSAGE = "AlertResolved";
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);

    private final AlertRepository repository;
    private final IncidentService incidents;
    private final IntegrationService integrations;
    private final RuntimeService runtimeService;
    private final ResponsePlanService responsePlans;
    private final TransactionTemplate transaction;
    /*
     * A few drainers, because one engine start after another leaves the cores idle while each waits on the
     * database; room for as many waiting hints, and the rest are dropped, because a running drain sees their
     * groups anyway.
     */
    private final ThreadPoolExecutor executor;
    // Bounds the drains of this node; the database, not this count, keeps drains from doing work twice.
    private final Semaphore drains;
    // The one drain that goes on while alerts are being accepted; the others give the intake their CPU.
    private final Semaphore lead = new Semaphore(1);
    private final AlertCapacity intake;
    private final AtomicBoolean hinted = new AtomicBoolean();
    private final Clock clock;

    @Autowired
    IncidentOpener(AlertRepository repository, IncidentService incidents, IntegrationService integrations,
            RuntimeService runtimeService, ResponsePlanService responsePlans, TransactionTemplate transaction,
            AlertProperties properties, AlertCapacity intake) {
        this(repository, incidents, integrations, runtimeService, responsePlans, transaction, properties, intake,
                Clock.systemUTC());
    }

    IncidentOpener(AlertRepository repository, IncidentService incidents, IntegrationService integrations,
            RuntimeService runtimeService, ResponsePlanService responsePlans, TransactionTemplate transaction,
            AlertProperties properties, AlertCapacity intake, Clock clock) {
        int drainers = properties.openerThreads();
        this.executor = new ThreadPoolExecutor(drainers, drainers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(drainers), IncidentOpener::daemon, new ThreadPoolExecutor.DiscardPolicy());
        this.drains = new Semaphore(drainers);
        this.intake = intake;
        this.repository = repository;
        this.incidents = incidents;
        this.integrations = integrations;
        this.runtimeService = runtimeService;
        this.responsePlans = responsePlans;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** New work was committed on this node: drain now rather than at the next sweep. */
    void hint() {
        hinted.set(true);
        executor.execute(this::drainInBackground);
    }

    @Scheduled(fixedDelayString = "${incidentflow.alerts.sweep-interval:1s}")
    void sweep() {
        drain();
    }

    /**
     * Works once through everything waiting, and again while hints arrive; answers how many groups were
     * handled. A group that fails is passed over until its wait is over, so it cannot hold up the others.
     */
    int drain() {
        return drain(false);
    }

    /** @param fanOut whether a leading drain may call other drains in to help (only drains in the background do) */
    private int drain(boolean fanOut) {
        if (!drains.tryAcquire()) {
            return 0;
        }
        boolean leading = lead.tryAcquire();
        int handled = 0;
        try {
            do {
                hinted.set(false);
                handled += pass(leading, fanOut);
            } while (hinted.get() && (leading || !intake.busy()));
        } finally {
            if (leading) {
                lead.release();
            }
            drains.release();
        }
        // A hint that came while this drain was finishing must not wait for the next sweep.
        if (hinted.get()) {
            executor.execute(this::drainInBackground);
        }
        return handled;
    }

    private void drainInBackground() {
        try {
            drain(true);
        } catch (RuntimeException e) {
            log.warn("Opening incidents failed (is the database reachable?); the next sweep tries again", e);
        }
    }

    /**
     * While alerts are being accepted only the leading drain goes on, so a storm's backlog of new incidents cannot
     * slow the accepting of the storm; once the intake is quiet, the leader calls the other drains back in.
     */
    private int pass(boolean leading, boolean fanOut) {
        int handled = 0;
        long after = 0;
        while (leading || !intake.busy()) {
            Optional<Handled> group = handleNext(after);
            if (group.isEmpty()) {
                break;
            }
            after = group.get().groupId();
            handled += group.get().failed() ? 0 : 1;
            if (fanOut && leading && drains.availablePermits() > 0 && !intake.busy()) {
                executor.execute(this::drainInBackground);
            }
        }
        return handled;
    }

    /**
     * Claims the next group after {@code after} that is due and works on it, in one transaction; empty when none is
     * left. A failed try is rolled back, then counted and put off in a transaction of its own.
     */
    private Optional<Handled> handleNext(long after) {
        Optional<Handled> handled = transaction.execute(status -> repository.claimNext(after, now()).map(group -> {
            try {
                work(group);
                return new Handled(group.id(), null);
            } catch (RuntimeException e) {
                status.setRollbackOnly();
                int failure = group.failures() + 1;
                Duration wait = retryDelay(failure);
                log.error("Alert group {} ({}) could not be handled (failure {}); it stays queued and is tried again"
                        + " in {} s", group.id(), group.dedupKey(), failure, wait.toSeconds(), e);
                return new Handled(group.id(), wait);
            }
        }));
        handled.filter(Handled::failed).ifPresent(failed -> transaction.executeWithoutResult(status ->
                repository.recordFailure(failed.groupId(), now().plus(failed.retryAfter()))));
        return handled;
    }

    /** Twice as long after each failure, from two seconds to five minutes. */
    static Duration retryDelay(int failures) {
        return failures < 9 ? Duration.ofSeconds(1L << failures) : MAX_RETRY_DELAY;
    }

    /** To the microsecond, as both databases store it: a rounded retry_at could otherwise lie past its due time. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private void work(AlertRepository.AlertGroup group) {
        Integration integration = integrations.find(group.integrationId()).orElseThrow();
        long incidentId = group.opening() ? open(group, integration) : group.incidentId();
        if (group.pendingAction() == GroupAction.RESOLVE) {
            Incident incident = incidents.findById(incidentId).orElseThrow();
            // Matches nothing when the process waits for no recovery (or has ended): nothing to do then.
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
    }

    /** The alert's own values first, then the integration's defaults, then its response plan's. */
    private long open(AlertRepository.AlertGroup group, Integration integration) {
        AlertRepository.FirstAlert alert = repository.firstAlert(group.id());
        Optional<ResponsePlan> plan = responsePlans.find(integration.responsePlan());
        String details = alert.details() != null ? alert.details() : plan.map(ResponsePlan::summary).orElse(null);
        Integer impact = alert.impact() != null ? alert.impact() : integration.defaultImpact();
        NewIncident incident = new NewIncident(
                alert.summary() == null || alert.summary().isBlank()
                        ? plan.map(ResponsePlan::title).orElse(alert.summary()) : alert.summary(),
                AlertLimits.description(details),
                alert.service() != null ? alert.service() : integration.service(),
                alert.category() != null ? alert.category() : integration.category(),
                impact != null ? impact : plan.map(ResponsePlan::impact).orElse(null),
                integration.urgency(),
                integration.type().name().toLowerCase(Locale.ROOT),
                integration.name(),
                alert.startedAt());
        Map<String, Object> variables = new HashMap<>();
        variables.put("dedupKey", group.dedupKey());
        variables.put("alertGroupId", group.id());
        variables.put("integrationName", integration.name());
        variables.put("autoResolve", integration.autoResolve());
        plan.ifPresent(found -> variables.put("responsePlan", found.name()));
        plan.map(ResponsePlan::runbook).ifPresent(runbook -> variables.put("runbook", runbook));
        Incident opened = incidents.open(incident, variables);
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

    /** @param retryAfter how long a failed group waits; null when it was handled */
    private record Handled(long groupId, Duration retryAfter) {

        boolean failed() {
            return retryAfter != null;
        }
    }
}
