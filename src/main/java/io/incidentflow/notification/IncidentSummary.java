package io.incidentflow.notification;

import io.incidentflow.incident.Incident;

/** The facts about an incident that a notification shows. */
public record IncidentSummary(String number, String title, Integer priority, String service) {

    public static IncidentSummary of(Incident incident) {
        return new IncidentSummary(incident.number(), incident.title(), incident.priority(), incident.service());
    }
}
