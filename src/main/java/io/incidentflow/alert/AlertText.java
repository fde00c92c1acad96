package io.incidentflow.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Plain-text helpers for summaries and details. Text is never escaped or rewritten beyond line breaks. */
final class AlertText {

    /** Incident titles are at most this many characters (code points). */
    static final int TITLE_MAX = 200;

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

    private AlertText() {
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (!isBlank(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** One line: line breaks and tabs become one space, trimmed. Null for blank text. */
    static String oneLine(String text) {
        if (isBlank(text)) {
            return null;
        }
        return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }

    /** {@link #oneLine} cut to {@link #TITLE_MAX} characters, ending in "…" when cut. */
    static String title(String text) {
        String line = oneLine(text);
        if (line == null || line.codePointCount(0, line.length()) <= TITLE_MAX) {
            return line;
        }
        int end = line.offsetByCodePoints(0, TITLE_MAX - 1);
        return line.substring(0, end).stripTrailing() + "…";
    }

    /** The non-blank parts, one per line; null when there are none. */
    static String lines(List<String> parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (!isBlank(part)) {
                kept.add(part.strip());
            }
        }
        return kept.isEmpty() ? null : String.join("\n", kept);
    }
}
