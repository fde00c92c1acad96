package io.incidentflow.alert;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationType;

/**
 * Our own documented JSON (docs/generic-alert-format.md): one alert per request with a required
 * {@code dedupKey} and {@code summary}.
 */
@Component
class GenericFormat implements AlertFormat {

    @Override
    public IntegrationType type() {
        return IntegrationType.GENERIC;
    }

    @Override
    public List<Alert> parse(JsonNode payload, Integration integration) {
        String root = Fields.ROOT;
        Fields.object(payload, root);
        String dedupKey = Fields.text(payload, "dedupKey", root);
        AlertStatus status = status(Fields.optionalText(payload, "status", root));
        String summary = Fields.text(payload, "summary", root);
        AlertBuilder builder = new AlertBuilder()
                .dedupKey(dedupKey)
                .status(status)
                .summary(summary)
                .detail(Fields.optionalText(payload, "details", root))
                .severity(Fields.optionalText(payload, "severity", root))
                .impact(impact(payload.get("impact")))
                .service(Fields.optionalText(payload, "service", root))
                .category(Fields.optionalText(payload, "category", root))
                .labels(Fields.stringMap(payload, "labels", root))
                .startedAt(AlertTimes.parse(Fields.optionalText(payload, "startedAt", root), "startedAt"))
                .eventId(AlertText.firstNonBlank(Fields.optionalText(payload, "eventId", root)));
        JsonNode links = Fields.optionalArray(payload, "links", root);
        if (links != null) {
            for (int i = 0; i < links.size(); i++) {
                String path = Fields.index("links", i);
                JsonNode link = Fields.object(links.get(i), path);
                String href = Fields.text(link, "href", path);
                if (!AlertBuilder.isWebUrl(href)) {
                    throw new AlertFormatException(Fields.path(path, "href"), "must be an absolute http or https URL");
                }
                builder.link(Fields.optionalText(link, "text", path), href);
            }
        }
        return List.of(builder.build(integration));
    }

    private static AlertStatus status(String value) {
        if (value == null) {
            return AlertStatus.FIRING;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "firing":
                return AlertStatus.FIRING;
            case "resolved":
                return AlertStatus.RESOLVED;
            case "acknowledged":
                return AlertStatus.ACKNOWLEDGED;
            default:
                throw new AlertFormatException("status",
                        "must be \"firing\", \"resolved\" or \"acknowledged\", got \"" + value + "\"");
        }
    }

    private static Integer impact(JsonNode node) {
        if (!Fields.present(node)) {
            return null;
        }
        int impact;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            impact = node.intValue();
        } else if (node.isTextual() && node.asText().strip().matches("[0-9]")) {
            impact = Integer.parseInt(node.asText().strip());
        } else {
            throw new AlertFormatException("impact", "must be a whole number from 1 (critical) to 5 (no impact)");
        }
        if (impact < 1 || impact > 5) {
            throw new AlertFormatException("impact", "must be from 1 (critical) to 5 (no impact), got " + impact);
        }
        return impact;
    }
}
