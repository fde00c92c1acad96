package io.incidentflow.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.incidentflow.contact.Addresses;
import io.incidentflow.contact.ChannelType;

/**
 * An SMS or voice provider's HTTP API, described entirely by configuration: URL, method, headers and a body
 * template. Each value is escaped for where it goes: URL-encoded in the URL and in form bodies, JSON-escaped in
 * JSON bodies (the template supplies the quotes), as is for any other content type.
 */
final class HttpPhoneGateway implements PhoneGateway {

    private final ChannelType type;
    private final NotificationProperties.PhoneProvider provider;
    private final HttpSender http;

    HttpPhoneGateway(ChannelType type, NotificationProperties.PhoneProvider provider, HttpSender http) {
        this.type = type;
        this.provider = provider;
        this.http = http;
    }

    @Override
    public DeliveryResult send(String to, String text, Locale language) {
        Map<String, String> values = Map.of(
                "to", to,
                "text", text,
                // TwiML and other XML call scripts: the text inside an element.
                "textXml", xmlEscaped(text),
                // What text-to-speech engines want: ja-JP, en-US.
                "language", language.getLanguage().equals("ja") ? "ja-JP" : "en-US");
        URI uri = URI.create(TemplateRenderer.render(provider.url(), values, HttpPhoneGateway::urlEncoded));
        byte[] body = provider.method().equals("GET") ? null
                : TemplateRenderer.render(provider.bodyTemplate(), values, bodyEscape()).getBytes(StandardCharsets.UTF_8);
        return http.send(provider.method(), uri, provider.headers(), provider.contentType(), body,
                uri.getScheme() + "://" + uri.getHost() + " for " + Addresses.mask(type, to));
    }

    private UnaryOperator<String> bodyEscape() {
        String contentType = provider.contentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return HttpPhoneGateway::urlEncoded;
        }
        if (contentType.contains("json")) {
            return value -> new String(JsonStringEncoder.getInstance().quoteAsString(value));
        }
        return UnaryOperator.identity();
    }

    private static String xmlEscaped(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
