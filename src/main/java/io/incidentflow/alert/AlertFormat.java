package io.incidentflow.alert;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationType;

/**
 * Reads one inbound payload format into alerts. Implementations are pure (no database): they name
 * the first bad field with {@link AlertFormatException} and never lose an alert of a valid payload.
 */
interface AlertFormat {

    IntegrationType type();

    /** @return the alerts in the payload; empty when it carries none (e.g. an SNS subscription handshake) */
    List<Alert> parse(JsonNode payload, Integration integration);
}
