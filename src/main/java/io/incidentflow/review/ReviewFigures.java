package io.incidentflow.review;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.incidentflow.incident.Incident;

/**
 * What a review shows as measured, never typed in: computed from the incident record, its alerts and its
 * notification log. Times to acknowledge, resolve and close run from registration (what the responders
 * control, as MTTA and MTTR on the reports page); time to detect runs from the start of the trouble (the
 * earliest alert start, or the reported detection time) to registration. A step not reached yet is null.
 */
public record ReviewFigures(
        String incidentNumber,
        Integer priority,
        OffsetDateTime troubleStartedAt,
        OffsetDateTime registeredAt,
        OffsetDateTime acknowledgedAt,
        OffsetDateTime resolvedAt,
        OffsetDateTime closedAt,
        Long timeToDetectSeconds,
        Long timeToAcknowledgeSeconds,
        Long timeToResolveSeconds,
        Long timeToCloseSeconds,
        long alerts,
        long escalationStages,
        long peopleNotified,
        long failedNotifications,
        List<String> responders,
        int reopenCount,
        boolean responseBreached,
        boolean resolutionBreached) {

    /** What the incident's alerts and notifications add to its record. */
    record Evidence(OffsetDateTime firstAlertStartedAt, long alerts, long escalationStages, long peopleNotified,
            long failedNotifications) {
    }

    static ReviewFigures of(Incident incident, Evidence evidence) {
        OffsetDateTime troubleStarted = earliest(incident.detectedAt(), evidence.firstAlertStartedAt());
        OffsetDateTime registered = incident.registeredAt();
        Set<String> responders = new LinkedHashSet<>();
        Stream.of(incident.acknowledgedBy(), incident.incidentManager(), incident.assignee(), incident.resolvedBy())
                .filter(Objects::nonNull).forEach(responders::add);
        return new ReviewFigures(incident.number(), incident.priority(), troubleStarted, registered,
                incident.acknowledgedAt(), incident.resolvedAt(), incident.closedAt(),
                seconds(troubleStarted, registered), seconds(registered, incident.acknowledgedAt()),
                seconds(registered, incident.resolvedAt()), seconds(registered, incident.closedAt()),
                evidence.alerts(), evidence.escalationStages(), evidence.peopleNotified(),
                evidence.failedNotifications(), List.copyOf(responders), incident.reopenCount(),
                incident.responseBreached(), incident.resolutionBreached());
    }

    /**
     * The figures as the review task shows them: text for disabled form fields, so that Tasklist never
     * writes a typed-in value back over a measured one.
     */
    Map<String, Object> asTaskVariables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("measuredTimeToDetect", text(timeToDetectSeconds));
        variables.put("measuredTimeToAcknowledge", text(timeToAcknowledgeSeconds));
        variables.put("measuredTimeToResolve", text(timeToResolveSeconds));
        variables.put("measuredTimeToClose", text(timeToCloseSeconds));
        variables.put("measuredAlerts", String.valueOf(alerts));
        variables.put("measuredEscalationStages", String.valueOf(escalationStages));
        variables.put("measuredPeopleNotified", String.valueOf(peopleNotified));
        variables.put("measuredResponders", responders.isEmpty() ? "—" : String.join(", ", responders));
        variables.put("measuredTargets", (responseBreached ? "応答目標超過 / response target missed" : "応答目標内 / response target met")
                + ", " + (resolutionBreached ? "解決目標超過 / resolution target missed" : "解決目標内 / resolution target met"));
        return variables;
    }

    /** "2 d 3 h 5 min", "1 h 5 min", "4 min 30 s", "12 s"; "—" for a step not reached. */
    static String text(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        Duration duration = Duration.ofSeconds(seconds);
        long days = duration.toDays();
        int hours = duration.toHoursPart();
        int minutes = duration.toMinutesPart();
        int secs = duration.toSecondsPart();
        if (days > 0) {
            return days + " d " + hours + " h " + minutes + " min";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min " + secs + " s";
        }
        return secs + " s";
    }

    private static Long seconds(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }
}
