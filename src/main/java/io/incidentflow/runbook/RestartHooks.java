package io.incidentflow.runbook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * Asks a service's restart hook to restart it: {@code POST} with JSON {@code {"service", "incidentNumber",
 * "title"}}. No redirects are followed (a hook that redirects is misconfigured). Messages name the service,
 * never the URL, which may hold a token.
 */
@Component
class RestartHooks {

    private final RunbookProperties properties;
    private final ObjectMapper json;
    private final HttpClient client;

    RestartHooks(RunbookProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Answers what the hook said (e.g. {@code HTTP 202}). {@code idempotencyKey} is the same on every retry, so
     * a hook can tell a retried request from a second restart.
     */
    String restart(String service, String incidentNumber, String title, String idempotencyKey) {
        RunbookProperties.Hook hook = service == null ? null : properties.restartHooks().get(service);
        if (hook == null) {
            throw new RestartHookRefusedException("No restart hook is configured for service " + service
                    + " (incidentflow.runbooks.restart-hooks)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(hook.url())
                .timeout(properties.http().requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "incidentflow")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(service, incidentNumber, title)));
        hook.headers().forEach(request::header);
        int status = send(request.build(), service);
        if (status / 100 == 2) {
            return "HTTP " + status;
        }
        if (status >= 500) {
            throw new RestartHookUnavailableException("Restart hook of " + service + " answered HTTP " + status, null);
        }
        throw new RestartHookRefusedException("Restart hook of " + service + " answered HTTP " + status);
    }

    private int send(HttpRequest request, String service) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new RestartHookUnavailableException("Restart hook of " + service + " not reached: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestartHookUnavailableException("Restart hook of " + service + " interrupted", e);
        }
    }

    private byte[] body(String service, String incidentNumber, String title) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("incidentNumber", incidentNumber);
        body.put("title", title);
        try {
            return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("three strings always serialize", e);
        }
    }
}
