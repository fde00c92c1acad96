package io.incidentflow.alert;

import io.incidentflow.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.incidentflow.integration.Integration;

/**
 * The notification shape Alertmanager introduced and Grafana's unified alerting copied: a group
 * ({@code groupKey}, {@code status}, common labels, {@code externalURL}) with one entry per alert in
 * {@code alerts[]}, each with its own status, labels, annotations, {@code startsAt} and {@code fingerprint}.
 * Gives one {@link Alert} per entry.
 *
 * <p>Dedup key: the integration's {@code dedupTemplate} when set (and at least one of its placeholders has a
 * value for the alert), else with {@code perAlert} the alert's fingerprint (missing: a stable hash of its
 * sorted labels), else the group's {@code groupKey}.
 */
abstract class AlertGroupFormat implements AlertFormat {

    /** The {@code version} the payload must carry. */
    abstract String version();

    /** The tool's name for messages. */
    abstract String source();

    /** Tool-specific links and details of one alert. */
    abstract void addExtras(JsonNode payload, JsonNode alert, String path, Map<String, String> annotations,
            AlertBuilder builder);

    @Override
    public List<Alert> parse(JsonNode payload, Integration integration) {
        Fields.object(payload, Fields.ROOT);
        String version = Fields.optionalText(payload, "version", Fields.ROOT);
        if (!version().equals(version)) {
            throw new AlertFormatException("version", "must be \"" + version() + "\" for " + source()
                    + " webhooks, got " + (version == null ? "none" : "\"" + version + "\""));
        }
        JsonNode alerts = Fields.array(payload, "alerts", Fields.ROOT);
        String groupKey = Fields.optionalText(payload, "groupKey", Fields.ROOT);
        String externalUrl = Fields.optionalText(payload, "externalURL", Fields.ROOT);
        String template = integration == null ? null : integration.dedupTemplate();
        boolean perAlert = integration != null && integration.perAlert();

        List<Alert> result = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            String path = Fields.index("alerts", i);
            JsonNode alert = Fields.object(alerts.get(i), path);
            AlertStatus status = status(Fields.text(alert, "status", path), Fields.path(path, "status"));
            Map<String, String> labels = Fields.stringMap(Fields.object(alert.get("labels"), Fields.path(path, "labels")),
                    Fields.path(path, "labels"));
            Map<String, String> annotations = Fields.stringMap(alert, "annotations", path);
            String startsAt = Fields.optionalText(alert, "startsAt", path);
            String fingerprint = AlertText.firstNonBlank(Fields.optionalText(alert, "fingerprint", path));
            String identity = fingerprint != null ? fingerprint : labelHash(labels);

            String dedupKey;
            if (!AlertText.isBlank(template) && DedupTemplate.anyResolved(template, labels, annotations)) {
                dedupKey = DedupTemplate.render(template, labels, annotations);
            } else if (perAlert) {
                dedupKey = identity;
            } else if (AlertText.isBlank(groupKey)) {
                throw new AlertFormatException("groupKey", "is required to group the alerts into one incident");
            } else {
                dedupKey = groupKey;
            }

            AlertBuilder builder = new AlertBuilder()
                    .dedupKey(dedupKey)
                    .status(status)
                    .summary(summary(labels, annotations))
                    .detail(annotations.get("description"))
                    .severity(labels.get("severity"))
                    .service(labels.get("service"))
                    .labels(labels)
                    .startedAt(AlertTimes.parse(startsAt, Fields.path(path, "startsAt")))
                    .eventId(identity + "@" + (startsAt == null ? "" : startsAt.strip()) + ":"
                            + status.name().toLowerCase(Locale.ROOT));
            annotations.forEach((key, value) -> {
                if (!"summary".equals(key) && !"description".equals(key)) {
                    builder.detail(key, value);
                }
            });
            addExtras(payload, alert, path, annotations, builder);
            builder.link(source(), externalUrl);
            result.add(builder.build(integration));
        }
        return result;
    }

    private static AlertStatus status(String value, String path) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "firing":
                return AlertStatus.FIRING;
            case "resolved":
                return AlertStatus.RESOLVED;
            default:
                throw new AlertFormatException(path, "must be \"firing\" or \"resolved\", got \"" + value + "\"");
        }
    }

    /** annotations.summary, else annotations.description, else "alertname (instance)", else the labels. */
    static String summary(Map<String, String> labels, Map<String, String> annotations) {
        String text = AlertText.firstNonBlank(annotations.get("summary"), annotations.get("description"));
        if (text != null) {
            return text;
        }
        String alertname = labels.get("alertname");
        String instance = labels.get("instance");
        if (!AlertText.isBlank(alertname)) {
            return AlertText.isBlank(instance) ? alertname : alertname + " (" + instance + ")";
        }
        if (labels.isEmpty()) {
            return "Alert without labels";
        }
        StringBuilder out = new StringBuilder();
        new TreeMap<>(labels).forEach((key, value) ->
                out.append(out.length() == 0 ? "" : ", ").append(key).append('=').append(value));
        return out.toString();
    }

    /** What Alertmanager's fingerprint stands for when it is missing: a hash of the sorted label set. */
    static String labelHash(Map<String, String> labels) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(labels).forEach((key, value) ->
                canonical.append(key).append('\u0000').append(value).append('\u0000'));
        return Sha256.hex(canonical.toString()).substring(0, 16);
    }
}
