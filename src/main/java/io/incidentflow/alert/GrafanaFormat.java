package io.incidentflow.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.incidentflow.integration.IntegrationType;

/**
 * Grafana unified alerting's webhook contact point (payload version "1"; Grafana's legacy dashboard alerts
 * are not supported). Read like Alertmanager's payload, plus the values that triggered the alert as a
 * details line and links to the dashboard, panel, silence page, alert rule, runbook and screenshot.
 */
@Component
class GrafanaFormat extends AlertGroupFormat {

    @Override
    public IntegrationType type() {
        return IntegrationType.GRAFANA;
    }

    @Override
    String version() {
        return "1";
    }

    @Override
    String source() {
        return "Grafana";
    }

    @Override
    void addExtras(JsonNode payload, JsonNode alert, String path, Map<String, String> annotations,
            AlertBuilder builder) {
        JsonNode values = Fields.optionalObject(alert, "values", path);
        if (values != null && values.size() > 0) {
            List<String> parts = new ArrayList<>();
            values.fields().forEachRemaining(entry -> parts.add(entry.getKey() + "=" + entry.getValue().asText()));
            builder.detail("values", String.join(", ", parts));
        }
        builder.detail("valueString", Fields.optionalText(alert, "valueString", path))
                .link("Dashboard", Fields.optionalText(alert, "dashboardURL", path))
                .link("Panel", Fields.optionalText(alert, "panelURL", path))
                .link("Alert rule", Fields.optionalText(alert, "generatorURL", path))
                .link("Runbook", annotations.get("runbook_url"))
                .link("Silence", Fields.optionalText(alert, "silenceURL", path))
                .link("Image", Fields.optionalText(alert, "imageURL", path));
    }
}
