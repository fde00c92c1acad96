package io.incidentflow.alert;

import io.incidentflow.Sha256;

import io.incidentflow.incident.IncidentService;

/**
 * Fits an alert to the columns that store it and to the incident it may open. Whatever a sender puts into
 * a label, the alert must be stored: a value too long for its column would fail the insert, the sender
 * would be told 503 and retry the same payload forever, and Alertmanager drops a 400 (so refusing is no
 * better). Identities (dedup key, event id) keep their identity when shortened; descriptive values are cut.
 */
final class AlertLimits {

    private static final int KEY_MAX = 255;
    private static final int KEY_PREFIX = KEY_MAX - 1 - 64;
    private static final int SEVERITY_MAX = 50;
    private static final int SERVICE_MAX = 100;
    private static final int CATEGORY_MAX = 50;

    private AlertLimits() {
    }

    static Alert fit(Alert alert) {
        String dedupKey = identity(alert.dedupKey());
        return new Alert(
                dedupKey,
                alert.status(),
                title(alert.summary(), dedupKey),
                alert.details(),
                cut(alert.severity(), SEVERITY_MAX),
                alert.impact() != null && alert.impact() >= 1 && alert.impact() <= 5 ? alert.impact() : null,
                cut(alert.service(), SERVICE_MAX),
                cut(alert.category(), CATEGORY_MAX),
                alert.labels(),
                alert.links(),
                alert.startedAt(),
                identity(alert.eventId()));
    }

    /** The incident's description: the alert row keeps the whole text, the record takes what fits. */
    static String description(String details) {
        if (details == null || details.length() <= IncidentService.MAX_TEXT) {
            return details;
        }
        return cut(details, IncidentService.MAX_TEXT - 1) + "…";
    }

    /**
     * A long key becomes its beginning plus the SHA-256 of the whole: the same long key always gives the same
     * stored key (so de-duplication still works), two long keys that differ anywhere stay different.
     */
    private static String identity(String key) {
        if (key == null || key.length() <= KEY_MAX) {
            return key;
        }
        return cut(key, KEY_PREFIX) + "#" + Sha256.hex(key);
    }

    /** Every incident needs a title; an alert without a summary is named after its key. */
    private static String title(String summary, String dedupKey) {
        String title = summary == null || summary.isBlank() ? "Alert " + dedupKey : summary.strip();
        // The formats cut to 200 code points; the record counts UTF-16 chars, and emoji count twice there.
        return title.length() <= IncidentService.MAX_TITLE ? title : cut(title, IncidentService.MAX_TITLE - 1) + "…";
    }

    /** At most {@code max} chars, never splitting a surrogate pair. */
    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
