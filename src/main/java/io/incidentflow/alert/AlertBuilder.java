package io.incidentflow.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.incidentflow.integration.Integration;

/**
 * Collects one alert while a format reads its payload, then applies the rules every format shares:
 * the summary becomes a one-line title of at most 200 characters (the full text moves to the top of the
 * details when cut), impact comes from the explicit value, else the severity word, else the integration's
 * default, service and category fall back to the integration's, and only absolute http(s) links are kept.
 */
final class AlertBuilder {

    private String dedupKey;
    private AlertStatus status = AlertStatus.FIRING;
    private String summary;
    private final List<String> details = new ArrayList<>();
    private String severity;
    private Integer impact;
    private String service;
    private String category;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<AlertLink> links = new ArrayList<>();
    private OffsetDateTime startedAt;
    private String eventId;

    AlertBuilder dedupKey(String dedupKey) {
        this.dedupKey = dedupKey;
        return this;
    }

    AlertBuilder status(AlertStatus status) {
        this.status = status;
        return this;
    }

    AlertBuilder summary(String summary) {
        this.summary = summary;
        return this;
    }

    /** Adds a paragraph or line to the details; blank text is skipped. */
    AlertBuilder detail(String text) {
        if (!AlertText.isBlank(text)) {
            details.add(text.strip());
        }
        return this;
    }

    /** Adds a {@code key: value} line; blank values are skipped. */
    AlertBuilder detail(String key, String value) {
        if (!AlertText.isBlank(value)) {
            details.add(key + ": " + value.strip());
        }
        return this;
    }

    AlertBuilder severity(String severity) {
        this.severity = AlertText.isBlank(severity) ? null : severity.strip();
        return this;
    }

    AlertBuilder impact(Integer impact) {
        this.impact = impact;
        return this;
    }

    AlertBuilder service(String service) {
        this.service = service;
        return this;
    }

    AlertBuilder category(String category) {
        this.category = category;
        return this;
    }

    AlertBuilder labels(Map<String, String> labels) {
        labels.forEach(this::label);
        return this;
    }

    /** Sets a label; a blank value is skipped. */
    AlertBuilder label(String name, String value) {
        if (!AlertText.isBlank(name) && value != null && !value.isBlank()) {
            labels.put(name, value);
        }
        return this;
    }

    /** Adds a link if {@code href} is an absolute http(s) URL not already linked; anything else is dropped. */
    AlertBuilder link(String text, String href) {
        if (!isWebUrl(href)) {
            return this;
        }
        String target = href.strip();
        if (links.stream().noneMatch(link -> link.href().equals(target))) {
            links.add(new AlertLink(AlertText.isBlank(text) ? target : text.strip(), target));
        }
        return this;
    }

    AlertBuilder startedAt(OffsetDateTime startedAt) {
        this.startedAt = startedAt;
        return this;
    }

    AlertBuilder eventId(String eventId) {
        this.eventId = eventId;
        return this;
    }

    Alert build(Integration integration) {
        String title = AlertText.title(summary);
        List<String> text = new ArrayList<>();
        String fullSummary = AlertText.oneLine(summary);
        if (fullSummary != null && !fullSummary.equals(title)) {
            text.add(summary.strip());
        }
        text.addAll(details);
        Integer resolvedImpact = impact != null ? impact : Severity.impactOf(severity);
        if (resolvedImpact == null && integration != null) {
            resolvedImpact = integration.defaultImpact();
        }
        return new Alert(
                dedupKey,
                status,
                title,
                AlertText.lines(text),
                severity,
                resolvedImpact,
                AlertText.firstNonBlank(service, integration == null ? null : integration.service()),
                AlertText.firstNonBlank(category, integration == null ? null : integration.category()),
                labels,
                links,
                startedAt,
                eventId);
    }

    static boolean isWebUrl(String href) {
        if (AlertText.isBlank(href)) {
            return false;
        }
        try {
            URI uri = new URI(href.strip());
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(scheme.toLowerCase(Locale.ROOT)) || "https".equals(scheme.toLowerCase(Locale.ROOT)));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
