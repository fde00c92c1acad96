package io.incidentflow.alert;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.incidentflow.integration.IntegrationType;

/**
 * Prometheus Alertmanager's {@code webhook_config} payload, version "4". Per alert: summary from
 * {@code annotations.summary}, else {@code annotations.description}, else {@code labels.alertname} and
 * {@code instance}; details from {@code annotations.description} and the other annotations as
 * {@code key: value} lines; severity from {@code labels.severity}; links to {@code generatorURL},
 * {@code annotations.runbook_url} and the Alertmanager ({@code externalURL}). The event id is fingerprint,
 * {@code startsAt} and status, so a notification Alertmanager sends again is recognised.
 */
@Component
class AlertmanagerFormat extends AlertGroupFormat {

    @Override
    public IntegrationType type() {
        return IntegrationType.ALERTMANAGER;
    }

    @Override
    String version() {
        return "4";
    }

    @Override
    String source() {
        return "Alertmanager";
    }

    @Override
    void addExtras(JsonNode payload, JsonNode alert, String path, Map<String, String> annotations,
            AlertBuilder builder) {
        builder.link("Prometheus", Fields.optionalText(alert, "generatorURL", path))
                .link("Runbook", annotations.get("runbook_url"));
    }
}
