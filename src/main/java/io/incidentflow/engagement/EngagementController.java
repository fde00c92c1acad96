package io.incidentflow.engagement;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** How an incident was engaged: the plans, the last stage, who acknowledged when, or that nobody did. */
@RestController
class EngagementController {

    /**
     * @param timeToAcknowledge from registration to the first acknowledgement (ISO-8601), when there was one
     * @param nobodyAcknowledgedAt when the escalation plan ran out without an acknowledgement
     */
    record EngagementView(String incidentNumber, String responsePlan, String escalationPlan, OffsetDateTime startedAt,
            Integer lastRound, Integer lastStage, OffsetDateTime lastStageAt, String acknowledgedBy,
            OffsetDateTime acknowledgedAt, Duration timeToAcknowledge, OffsetDateTime nobodyAcknowledgedAt) {
    }

    private final IncidentService incidents;
    private final EngagementService engagement;

    EngagementController(IncidentService incidents, EngagementService engagement) {
        this.incidents = incidents;
        this.engagement = engagement;
    }

    @GetMapping(path = "/api/incidents/{number}/engagement", produces = MediaType.APPLICATION_JSON_VALUE)
    EngagementView engagementOf(@PathVariable String number) {
        Incident incident = incidents.findByNumber(number).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "There is no incident " + number + "."));
        var row = engagement.engagementOf(incident.id());
        Duration timeToAcknowledge = incident.acknowledgedAt() == null ? null
                : Duration.between(incident.registeredAt(), incident.acknowledgedAt());
        return new EngagementView(incident.number(), row.map(r -> r.responsePlan()).orElse(null),
                row.map(r -> r.escalationPlan()).orElse(null), row.map(r -> r.startedAt()).orElse(null),
                row.map(r -> r.lastRound()).orElse(null), row.map(r -> r.lastStage()).orElse(null),
                row.map(r -> r.lastStageAt()).orElse(null), incident.acknowledgedBy(), incident.acknowledgedAt(),
                timeToAcknowledge, row.map(r -> r.nobodyAcknowledgedAt()).orElse(null));
    }
}
