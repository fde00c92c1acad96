package io.incidentflow.alert;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationService;
import io.incidentflow.integration.IntegrationType;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where monitoring systems post. Answers 2xx only after the alerts are committed; bad input gets a
 * 4xx that names the problem and changes nothing; overload and database trouble get 503, which every
 * sender we support retries.
 */
@RestController
class AlertController {

    private static final Map<String, IntegrationType> PATHS = Map.of(
            "alertmanager", IntegrationType.ALERTMANAGER,
            "grafana", IntegrationType.GRAFANA,
            "zabbix", IntegrationType.ZABBIX,
            "sns", IntegrationType.SNS,
            "generic", IntegrationType.GENERIC,
            "events-v2", IntegrationType.EVENTS_V2);

    private final IntegrationService integrations;
    private final AlertIntake intake;
    private final ObjectMapper json;
    private final AlertProperties properties;
    private final Map<IntegrationType, AlertFormat> formats = new EnumMap<>(IntegrationType.class);
    private final AlertCapacity capacity;

    AlertController(IntegrationService integrations, AlertIntake intake, ObjectMapper json,
            AlertProperties properties, AlertCapacity capacity, List<AlertFormat> formats) {
        this.integrations = integrations;
        this.intake = intake;
        this.json = json;
        this.properties = properties;
        formats.forEach(format -> this.formats.put(format.type(), format));
        this.capacity = capacity;
    }

    @PostMapping("/api/alerts/{source}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String source,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(name = "key", required = false) String key, HttpServletRequest request) throws IOException {
        IntegrationType type = PATHS.get(source.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new AlertRequestException(HttpStatus.NOT_FOUND, "source", "no alert endpoint for '" + source
                    + "'; use one of " + PATHS.keySet().stream().sorted().toList());
        }
        JsonNode payload = readJson(request, type == IntegrationType.SNS);
        if (type == IntegrationType.EVENTS_V2) {
            return eventsV2(payload, request);
        }
        List<AlertIntake.AcceptedAlert> accepted = capacity.withCapacity(() -> {
            Integration integration = integrations.authenticate(bearer(authorization, key), type);
            request.setAttribute(AlertMetrics.INTEGRATION, integration.name());
            return intake.accept(integration, formats.get(type).parse(payload, integration));
        });
        return ResponseEntity.accepted().body(summary(accepted));
    }

    /** PagerDuty Events API v2, answered the way PagerDuty answers, so any tool that pages PagerDuty pages us. */
    @PostMapping("/v2/enqueue")
    ResponseEntity<Map<String, Object>> enqueue(HttpServletRequest request) throws IOException {
        return eventsV2(readJson(request, false), request);
    }

    private ResponseEntity<Map<String, Object>> eventsV2(JsonNode payload, HttpServletRequest request) {
        String routingKey = payload.path("routing_key").asText("");
        if (routingKey.isBlank()) {
            throw new AlertFormatException("routing_key", "is required: the integration key");
        }
        List<Alert> alerts = capacity.withCapacity(() -> {
            Integration integration = integrations.authenticate(routingKey, IntegrationType.EVENTS_V2);
            request.setAttribute(AlertMetrics.INTEGRATION, integration.name());
            List<Alert> parsed = formats.get(IntegrationType.EVENTS_V2).parse(payload, integration);
            intake.accept(integration, parsed);
            return parsed;
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", "Event processed");
        body.put("dedup_key", alerts.get(0).dedupKey());
        return ResponseEntity.accepted().body(body);
    }

    private JsonNode readJson(HttpServletRequest request, boolean textAllowed) throws IOException {
        checkContentType(request.getContentType(), textAllowed);
        long limit = properties.maxBodyBytes().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        try {
            JsonNode payload = json.readTree(body);
            if (payload == null || !payload.isObject()) {
                throw new AlertFormatException("$", "the body must be a JSON object");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new AlertFormatException("$", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static void checkContentType(String contentType, boolean textAllowed) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        boolean json = type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || type.getSubtype().endsWith("+json"));
        // Amazon SNS posts its JSON as text/plain.
        boolean text = textAllowed && type != null && MediaType.TEXT_PLAIN.isCompatibleWith(type);
        if (!json && !text) {
            throw new AlertRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                    "send application/json, not " + contentType);
        }
    }

    private static AlertRequestException tooLarge(long limit) {
        return new AlertRequestException(HttpStatus.PAYLOAD_TOO_LARGE, "body",
                "larger than incidentflow.alerts.max-body-bytes (" + limit + " bytes)");
    }

    private static String bearer(String authorization, String key) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return key;
    }

    /** Counts, and per alert what became of it; a retried delivery counts as accepted and says so. */
    private static Map<String, Object> summary(List<AlertIntake.AcceptedAlert> accepted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", accepted.size());
        body.put("new", accepted.stream().filter(a -> !a.redelivery() && a.outcome() == AlertOutcome.NEW).count());
        body.put("duplicates", accepted.stream().filter(a -> a.outcome() == AlertOutcome.DUPLICATE).count());
        body.put("redelivered", accepted.stream().filter(AlertIntake.AcceptedAlert::redelivery).count());
        body.put("alerts", accepted.stream().map(AlertController::alertSummary).toList());
        return body;
    }

    private static Map<String, Object> alertSummary(AlertIntake.AcceptedAlert accepted) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("dedupKey", accepted.dedupKey());
        alert.put("outcome", accepted.redelivery() ? "REDELIVERED" : accepted.outcome().name());
        if (accepted.incidentNumber() != null) {
            alert.put("incident", accepted.incidentNumber());
        }
        return alert;
    }
}
