package io.incidentflow.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP GETs to Amazon SNS: https only (JDK trust store), no redirects, short timeouts, small bodies. */
final class SnsHttp {

    /** SNS certificates are about 2 KB, confirmation responses less than 1 KB. */
    static final int MAX_BODY = 64 * 1024;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** @return the body of a 2xx answer */
    byte[] get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new IOException("Amazon SNS answered " + response.statusCode() + " for " + uri);
                }
                byte[] bytes = body.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw new IOException("Answer of " + uri + " is larger than " + MAX_BODY + " bytes");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted while calling " + uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
