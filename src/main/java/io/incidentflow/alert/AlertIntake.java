package io.incidentflow.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.incidentflow.AfterCommit;
import io.incidentflow.alert.AlertRepository.OpenGroup;
import io.incidentflow.integration.Integration;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts alerts durably and de-duplicates them, without the workflow engine: one short transaction
 * per request, after which the sender may be told 2xx. Opening incidents happens later, in
 * {@link IncidentOpener}. Uniqueness of a dedup key and of an event lives in the database's constraints; a
 * request that loses a race against another request or node, or that repeats an event already stored, is simply run
 * again and then finds the rows that were there first.
 */
@Service
class AlertIntake {

    private static final int ATTEMPTS = 4;

    private final AlertRepository repository;
    private final TransactionTemplate transaction;
    private final IncidentOpener opener;
    private final Clock clock = Clock.systemUTC();

    AlertIntake(AlertRepository repository, TransactionTemplate transaction, IncidentOpener opener) {
        this.repository = repository;
        this.transaction = transaction;
        this.opener = opener;
    }

    /** Stores every alert, or none: answers what became of each, in the order given. */
    List<AcceptedAlert> accept(Integration integration, List<Alert> alerts) {
        // Checked before the transaction: bad input changes nothing.
        List<Alert> storable = alerts.stream().map(AlertIntake::checked).map(AlertLimits::fit).toList();
        for (int attempt = 1; ; attempt++) {
            /*
             * Redeliveries are rare: at first the unique constraint on event ids finds them, and only a retry looks.
             * Inside a caller's transaction (the mailbox's) a violation could not be retried, so that one looks first.
             */
            boolean lookForRedeliveries = attempt > 1 || TransactionSynchronizationManager.isActualTransactionActive();
            try {
                List<AcceptedAlert> accepted = transaction.execute(status ->
                        acceptAll(integration, storable, lookForRedeliveries));
                AlertMetrics.accepted(integration.name(), accepted);
                return accepted;
            } catch (DuplicateKeyException raceLostOrRedelivered) {
                // PostgreSQL aborts the whole transaction on a unique violation: only a new one can go on.
                if (attempt == ATTEMPTS) {
                    throw raceLostOrRedelivered;
                }
            }
        }
    }

    private static Alert checked(Alert alert) {
        if (alert.dedupKey() == null || alert.dedupKey().isBlank()) {
            throw new AlertFormatException("dedupKey", "is required: it decides which incident the alert belongs to");
        }
        if (alert.status() == null) {
            throw new AlertFormatException("status", "is required");
        }
        return alert;
    }

    private List<AcceptedAlert> acceptAll(Integration integration, List<Alert> alerts, boolean lookForRedeliveries) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Set<String> eventsOfThisRequest = new HashSet<>();
        List<AcceptedAlert> accepted = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            boolean redelivered = alert.eventId() != null && (!eventsOfThisRequest.add(alert.eventId())
                    || lookForRedeliveries && repository.eventSeen(integration.id(), alert.eventId()));
            accepted.add(redelivered ? AcceptedAlert.redelivered(alert.dedupKey()) : acceptOne(integration.id(), alert, now));
        }
        if (accepted.stream().anyMatch(AcceptedAlert::needsOpener)) {
            AfterCommit.run(opener::hint);
        }
        return accepted;
    }

    private AcceptedAlert acceptOne(long integrationId, Alert alert, OffsetDateTime now) {
        Optional<OpenGroup> group = repository.findGroup(integrationId, alert.dedupKey());
        return switch (alert.status()) {
            case FIRING -> firing(integrationId, alert, group, now);
            case RESOLVED -> askForAction(integrationId, alert, group, GroupAction.RESOLVE, AlertOutcome.RESOLVED, now);
            case ACKNOWLEDGED -> askForAction(integrationId, alert, group, GroupAction.ACKNOWLEDGE,
                    AlertOutcome.ACKNOWLEDGED, now);
        };
    }

    /** A duplicate only reads its group: writing to it would make every alert of a storm wait for one row. */
    private AcceptedAlert firing(long integrationId, Alert alert, Optional<OpenGroup> found, OffsetDateTime now) {
        Optional<OpenGroup> group = stillFiring(integrationId, alert.dedupKey(), found);
        if (group.isPresent()) {
            repository.insertAlert(integrationId, alert, group.get().id(), AlertOutcome.DUPLICATE, now);
            return new AcceptedAlert(alert.dedupKey(), AlertOutcome.DUPLICATE, false, group.get().incidentNumber());
        }
        long groupId = repository.insertGroup(integrationId, alert.dedupKey(), now);
        repository.insertAlert(integrationId, alert, groupId, AlertOutcome.NEW, now);
        return new AcceptedAlert(alert.dedupKey(), AlertOutcome.NEW, false, null);
    }

    /**
     * The trouble is back before its recovery was carried out (a flapping alert): the recovery no longer
     * holds and is withdrawn. If the opener carried it out first, what it left decides: the group still open
     * (the responder decides), or gone with its closed incident, so that this alert opens a new one.
     */
    private Optional<OpenGroup> stillFiring(long integrationId, String dedupKey, Optional<OpenGroup> found) {
        if (found.isEmpty() || found.get().pendingAction() != GroupAction.RESOLVE
                || repository.cancelResolve(found.get().id()) == 1) {
            return found;
        }
        return repository.findGroup(integrationId, dedupKey);
    }

    /** Recovery and acknowledgement act on an open incident only; without one they are kept, and ignored. */
    private AcceptedAlert askForAction(long integrationId, Alert alert, Optional<OpenGroup> group, GroupAction action,
            AlertOutcome outcome, OffsetDateTime now) {
        if (group.isPresent() && repository.requestAction(group.get().id(), action) == 1) {
            repository.insertAlert(integrationId, alert, group.get().id(), outcome, now);
            return new AcceptedAlert(alert.dedupKey(), outcome, false, group.get().incidentNumber());
        }
        repository.insertAlert(integrationId, alert, null, AlertOutcome.IGNORED, now);
        return new AcceptedAlert(alert.dedupKey(), AlertOutcome.IGNORED, false, null);
    }

    /**
     * @param redelivery     the same event was accepted before (a sender's retry): nothing new was stored
     * @param incidentNumber the incident the alert belongs to, once it is open; null while it is being opened
     */
    record AcceptedAlert(String dedupKey, AlertOutcome outcome, boolean redelivery, String incidentNumber) {

        static AcceptedAlert redelivered(String dedupKey) {
            return new AcceptedAlert(dedupKey, AlertOutcome.IGNORED, true, null);
        }

        boolean needsOpener() {
            return outcome == AlertOutcome.NEW || outcome == AlertOutcome.RESOLVED
                    || outcome == AlertOutcome.ACKNOWLEDGED;
        }
    }
}
