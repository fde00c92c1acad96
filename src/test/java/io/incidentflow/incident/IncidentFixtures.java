package io.incidentflow.incident;

import java.time.OffsetDateTime;

/** Incidents as the service answers them, for tests that mock the service. */
final class IncidentFixtures {

    static final OffsetDateTime REGISTERED = OffsetDateTime.parse("2025-03-01T09:00:00Z");

    private IncidentFixtures() {
    }

    static Incident registered(long id, String source, Integer impact, Integer urgency) {
        return incident(id, "VPN down", IncidentStatus.NEW, source, impact, urgency, false);
    }

    static Incident incident(long id, String title, IncidentStatus status, String source, Integer impact,
            Integer urgency, boolean resolutionBreached) {
        return new Incident(id, IncidentService.numberFor(id), title, null, status, null, null, impact, urgency, null,
                null, null, null, null, source, "alice", "pi-" + id, REGISTERED, REGISTERED, null, null, null, null,
                null, null, null, null, null, false, resolutionBreached, null, null, null, null, null, 0, null,
                REGISTERED);
    }
}
