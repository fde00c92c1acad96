package io.incidentflow.alert;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationType;

/**
 * PagerDuty Events API v2 alert events ({@code /v2/enqueue}), so that every tool with a PagerDuty
 * integration can send to us. {@code trigger} needs {@code payload.summary}, {@code payload.source} and
 * {@code payload.severity} (critical, error, warning, info) like PagerDuty; {@code acknowledge} and
 * {@code resolve} need a {@code dedup_key}. A trigger without {@code dedup_key} gets a random UUID (the
 * endpoint returns it, as PagerDuty does). Change events ({@code /v2/change/enqueue}) are not alerts and
 * are not read here.
 */
@Component
class EventsV2Format implements AlertFormat {

    /** PagerDuty's limit for dedup_key. */
    static final int DEDUP_KEY_MAX = 255;

    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    @Override
    public IntegrationType type() {
        return IntegrationType.EVENTS_V2;
    }

    @Override
    public List<Alert> parse(JsonNode event, Integration integration) {
        String root = Fields.ROOT;
        Fields.object(event, root);
        Fields.text(event, "routing_key", root);
        String action = Fields.text(event, "event_action", root).strip().toLowerCase(Locale.ROOT);
        if (!Set.of("trigger", "acknowledge", "resolve").contains(action)) {
            throw new AlertFormatException("event_action", "must be \"trigger\", \"acknowledge\" or \"resolve\"");
        }
        String dedupKey = AlertText.firstNonBlank(Fields.optionalText(event, "dedup_key", root));
        if (dedupKey != null && dedupKey.length() > DEDUP_KEY_MAX) {
            throw new AlertFormatException("dedup_key", "must be at most " + DEDUP_KEY_MAX + " characters");
        }
        JsonNode payload = Fields.optionalObject(event, "payload", root);
        AlertBuilder builder = new AlertBuilder();

        if ("trigger".equals(action)) {
            if (payload == null) {
                throw new AlertFormatException("payload", "is required for a trigger event");
            }
            String summary = Fields.text(payload, "summary", "payload");
            Fields.text(payload, "source", "payload");
            String severity = Fields.text(payload, "severity", "payload").strip().toLowerCase(Locale.ROOT);
            if (!SEVERITIES.contains(severity)) {
                throw new AlertFormatException("payload.severity",
                        "must be \"critical\", \"error\", \"warning\" or \"info\"");
            }
            builder.status(AlertStatus.FIRING)
                    .dedupKey(dedupKey != null ? dedupKey : UUID.randomUUID().toString())
                    .summary(summary)
                    .severity(severity);
        } else {
            if (dedupKey == null) {
                throw new AlertFormatException("dedup_key", "is required to " + action + " an alert");
            }
            boolean resolve = "resolve".equals(action);
            String summary = payload == null ? null : Fields.optionalText(payload, "summary", "payload");
            String severity = payload == null ? null : Fields.optionalText(payload, "severity", "payload");
            builder.status(resolve ? AlertStatus.RESOLVED : AlertStatus.ACKNOWLEDGED)
                    .dedupKey(dedupKey)
                    .summary(AlertText.firstNonBlank(summary, (resolve ? "Resolved: " : "Acknowledged: ") + dedupKey))
                    .severity(severity == null ? null : severity.toLowerCase(Locale.ROOT));
        }

        if (payload != null) {
            readPayload(payload, builder);
        }
        readLinks(event, builder);
        return List.of(builder.build(integration));
    }

    private static void readPayload(JsonNode payload, AlertBuilder builder) {
        String path = "payload";
        JsonNode custom = payload.get("custom_details");
        if (Fields.present(custom)) {
            if (custom.isObject()) {
                custom.fields().forEachRemaining(entry -> {
                    JsonNode value = entry.getValue();
                    if (value.isValueNode() && !value.isNull()) {
                        builder.detail(entry.getKey(), value.asText()).label(entry.getKey(), value.asText());
                    } else if (value.isContainerNode()) {
                        builder.detail(entry.getKey(), value.toString());
                    }
                });
            } else {
                builder.detail(custom.isValueNode() ? custom.asText() : custom.toString());
            }
        }
        builder.label("source", Fields.optionalText(payload, "source", path))
                .label("component", Fields.optionalText(payload, "component", path))
                .label("group", Fields.optionalText(payload, "group", path))
                .label("class", Fields.optionalText(payload, "class", path))
                .startedAt(AlertTimes.parse(Fields.optionalText(payload, "timestamp", path), "payload.timestamp"));
    }

    private static void readLinks(JsonNode event, AlertBuilder builder) {
        String root = Fields.ROOT;
        JsonNode links = Fields.optionalArray(event, "links", root);
        if (links != null) {
            for (int i = 0; i < links.size(); i++) {
                String path = Fields.index("links", i);
                JsonNode link = Fields.object(links.get(i), path);
                builder.link(Fields.optionalText(link, "text", path), Fields.text(link, "href", path));
            }
        }
        JsonNode images = Fields.optionalArray(event, "images", root);
        if (images != null) {
            for (int i = 0; i < images.size(); i++) {
                String path = Fields.index("images", i);
                JsonNode image = Fields.object(images.get(i), path);
                String alt = AlertText.firstNonBlank(Fields.optionalText(image, "alt", path), "Image");
                builder.link(alt, Fields.text(image, "src", path))
                        .link(alt, Fields.optionalText(image, "href", path));
            }
        }
        String client = Fields.optionalText(event, "client", root);
        builder.link(AlertText.firstNonBlank(client, "Client"), Fields.optionalText(event, "client_url", root));
    }
}
