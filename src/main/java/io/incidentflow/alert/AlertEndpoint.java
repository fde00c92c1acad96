package io.incidentflow.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Where monitoring systems post. Answers 2xx only after the alerts are committed; bad input gets a
 * 4xx that names the problem and changes nothing; overload and database trouble get 503, which every
 * sender we support retries.
 * <p>
 * A servlet filter that answers every request itself, ahead of Spring Security and Spring MVC: senders
 * authenticate with their integration's key, checked here, and have no use for sessions, logins, CSRF tokens or
 * content negotiation. Those cost more CPU per alert than storing it, and a storm is one alert per request.
 */
class AlertEndpoint implements Filter {

    static final String EVENTS_V2_PATH = "/v2/enqueue";
    static final String ALERTS_PATH = "/api/alerts/";

    private static final Map<String, IntegrationType> SOURCES = Map.of(
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

    AlertEndpoint(IntegrationService integrations, AlertIntake intake, ObjectMapper json,
            AlertProperties properties, AlertCapacity capacity, List<AlertFormat> formats) {
        this.integrations = integrations;
        this.intake = intake;
        this.json = json;
        this.properties = properties;
        formats.forEach(format -> this.formats.put(format.type(), format));
        this.capacity = capacity;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        ResponseEntity<?> answer;
        try {
            answer = handle(request);
        } catch (RuntimeException e) {
            answer = AlertProblems.answer(e, request);
        }
        write(answer, request, response);
    }

    private ResponseEntity<Map<String, Object>> handle(HttpServletRequest request) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            throw new AlertRequestException(HttpStatus.METHOD_NOT_ALLOWED, "method",
                    "alerts are sent with POST, not " + request.getMethod());
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(EVENTS_V2_PATH)) {
            return eventsV2(readJson(request, false), request);
        }
        IntegrationType type = path.startsWith(ALERTS_PATH)
                ? SOURCES.get(path.substring(ALERTS_PATH.length()).toLowerCase(Locale.ROOT)) : null;
        if (type == null) {
            throw new AlertRequestException(HttpStatus.NOT_FOUND, "source", "no alert endpoint at '" + path
                    + "'; use " + ALERTS_PATH + "{source} with one of " + SOURCES.keySet().stream().sorted().toList());
        }
        JsonNode payload = readJson(request, type == IntegrationType.SNS);
        if (type == IntegrationType.EVENTS_V2) {
            return eventsV2(payload, request);
        }
        // Read only now: before the media type is known to be JSON, a form body would be parsed for it.
        String key = bearer(request.getHeader(HttpHeaders.AUTHORIZATION), request.getParameter("key"));
        List<AlertIntake.AcceptedAlert> accepted = capacity.withCapacity(() -> {
            Integration integration = integrations.authenticate(key, type);
            request.setAttribute(AlertMetrics.INTEGRATION, integration.name());
            return intake.accept(integration, formats.get(type).parse(payload, integration));
        });
        return ResponseEntity.accepted().body(summary(accepted));
    }

    /** PagerDuty Events API v2, answered the way PagerDuty answers, so any tool that pages PagerDuty pages us. */
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

    private void write(ResponseEntity<?> answer, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Object body = answer.getBody();
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (answer.getStatusCode() == HttpStatus.METHOD_NOT_ALLOWED) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
        }
        // Alert text is data for machines: never to be sniffed into HTML by a browser that is shown it.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(body instanceof ProblemDetail ? MediaType.APPLICATION_PROBLEM_JSON_VALUE
                : MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Counts, and per alert what became of it; a retried delivery counts as accepted and says so. */
    private static Map<String, Object> summary(List<AlertIntake.AcceptedAlert> accepted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", accepted.size());
        body.put("new", accepted.stream().filter(a -> !a.redelivery() && a.outcome() == AlertOutcome.NEW).count());
        body.put("duplicates", accepted.stream().filter(a -> a.outcome() == AlertOutcome.DUPLICATE).count());
        body.put("redelivered", accepted.stream().filter(AlertIntake.AcceptedAlert::redelivery).count());
        body.put("alerts", accepted.stream().map(AlertEndpoint::alertSummary).toList());
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
