package io.incidentflow.alert;

import io.incidentflow.incident.IncidentClosed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A closed incident frees its dedup keys: the same trouble next week opens a new incident. */
@Component
class AlertGroupRelease {

    private final AlertRepository repository;

    AlertGroupRelease(AlertRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void onIncidentClosed(IncidentClosed closed) {
        repository.releaseGroupsOf(closed.incidentId());
    }
}
