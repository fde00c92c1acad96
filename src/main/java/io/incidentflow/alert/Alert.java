package io.incidentflow.alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One report from a monitoring system or mailbox, whatever its format: what every inbound format
 * is normalized to before it is de-duplicated and, if new, opens an incident.
 *
 * @param dedupKey   alerts with the same key attach to the same open incident (fingerprint, groupKey,
 *                   dedup_key, or a template of the integration)
 * @param status     firing, resolved or acknowledged by the source
 * @param summary    one line; becomes the incident title (cut to 200 characters)
 * @param details    free text; becomes the description. Stored as text, never rendered as HTML
 * @param severity   the source's own word for it (critical, warning, …), kept for the timeline
 * @param impact     1 Critical … 5 No impact, mapped from the severity; null lets the integration decide
 * @param eventId    the source's id of this very event, so that a retried delivery is recognised
 */
public record Alert(
        String dedupKey,
        AlertStatus status,
        String summary,
        String details,
        String severity,
        Integer impact,
        String service,
        String category,
        Map<String, String> labels,
        List<AlertLink> links,
        OffsetDateTime startedAt,
        String eventId) {

    public Alert {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
