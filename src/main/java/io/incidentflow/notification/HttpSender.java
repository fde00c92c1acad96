package io.incidentflow.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Every HTTP call of the notifiers: JDK client, bounded waits, no redirects (a webhook that redirects is
 * misconfigured, and following one would let a chat URL point the server elsewhere). Anything but 2xx fails.
 * Errors name the target only as {@code shownTarget}: a webhook URL is a secret.
 */
@Component
class HttpSender {

    private static final int MAX_SHOWN_BODY = 200;

    private final HttpClient client;
    private final Duration requestTimeout;

    HttpSender(NotificationProperties properties) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.http().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = properties.http().requestTimeout();
    }

    /** {@code body} null sends none (GET). */
    DeliveryResult send(String method, URI uri, Map<String, String> headers, String contentType, byte[] body,
            String shownTarget) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("User-Agent", "incidentflow");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            return status / 100 == 2 ? DeliveryResult.sent("HTTP " + status)
                    : DeliveryResult.failed("HTTP " + status + " from " + shownTarget + shown(response.body()));
        } catch (IOException e) {
            return DeliveryResult.failed(method + " " + shownTarget + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failed(method + " " + shownTarget + " interrupted");
        }
    }

    /** The start of the answer: Slack says {@code invalid_payload}, Twilio why the number was refused. */
    private static String shown(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return ": " + (text.length() > MAX_SHOWN_BODY ? text.substring(0, MAX_SHOWN_BODY) + "…" : text);
    }
}
