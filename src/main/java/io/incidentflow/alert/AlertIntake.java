package io.incidentflow.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.incidentflow.integration.Integration;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts alerts durably and de-duplicates them, without the workflow engine: one short transaction
 * per request, after which the sender may be told 2xx. Opening incidents happens later, in
 * {@link IncidentOpener}. Uniqueness of a dedup key lives in the database's constraint; a request
 * that loses a race against another node is simply run again and then finds the winner's group.
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

    List<AcceptedAlert> accept(Integration integration, List<Alert> alerts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> acceptAll(integration, alerts));
            } catch (DuplicateKeyException raceLost) {
                if (attempt == ATTEMPTS) {
                    throw raceLost;
                }
            }
        }
    }

    private List<AcceptedAlert> acceptAll(Integration integration, List<Alert> alerts) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<AcceptedAlert> accepted = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            accepted.add(acceptOne(integration.id(), alert, now));
        }
        if (accepted.stream().anyMatch(AcceptedAlert::needsOpener)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    opener.hint();
                }
            });
        }
        return accepted;
    }

    private AcceptedAlert acceptOne(long integrationId, Alert alert, OffsetDateTime now) {
        if (alert.eventId() != null && repository.eventSeen(integrationId, alert.eventId())) {
            return new AcceptedAlert(alert.dedupKey(), AlertOutcome.IGNORED, true);
        }
        GroupAction action = actionFor(alert.status());
        // A duplicate only reads its group: writing to it would make every alert of a storm wait for one row.
        Long groupId = repository.findGroupId(integrationId, alert.dedupKey())
                .filter(id -> action == null || repository.requestAction(id, action) == 1)
                .orElse(null);
        AlertOutcome outcome;
        if (groupId != null) {
            outcome = switch (alert.status()) {
                case FIRING -> AlertOutcome.DUPLICATE;
                case RESOLVED -> AlertOutcome.RESOLVED;
                case ACKNOWLEDGED -> AlertOutcome.ACKNOWLEDGED;
            };
        } else if (alert.status() == AlertStatus.FIRING) {
            groupId = repository.insertGroup(integrationId, alert.dedupKey(), now);
            outcome = AlertOutcome.NEW;
        } else {
            outcome = AlertOutcome.IGNORED;
        }
        repository.insertAlert(integrationId, alert, groupId, outcome, now);
        return new AcceptedAlert(alert.dedupKey(), outcome, false);
    }

    private static GroupAction actionFor(AlertStatus status) {
        return switch (status) {
            case FIRING -> null;
            case RESOLVED -> GroupAction.RESOLVE;
            case ACKNOWLEDGED -> GroupAction.ACKNOWLEDGE;
        };
    }

    /** @param redelivery the same event was accepted before (a sender's retry): nothing new was stored */
    record AcceptedAlert(String dedupKey, AlertOutcome outcome, boolean redelivery) {

        boolean needsOpener() {
            return outcome == AlertOutcome.NEW || outcome == AlertOutcome.RESOLVED
                    || outcome == AlertOutcome.ACKNOWLEDGED;
        }
    }
}
