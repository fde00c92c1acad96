package io.incidentflow.notification;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code {{name}}} placeholders, nothing else: no expressions, no loops, no script engine. One pass over the
 * template, so a value that itself contains {@code {{ackUrl}}} (an incident title can) stays as written.
 * An unknown name stays in the text as it is, so a typo in an edited template shows in the message instead
 * of silently dropping the value.
 */
final class TemplateRenderer {

    private static final Logger log = LoggerFactory.getLogger(TemplateRenderer.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");

    private TemplateRenderer() {
    }

    static String render(String template, Map<String, String> values) {
        return render(template, values, UnaryOperator.identity());
    }

    /** {@code escape} is applied to each value, e.g. URL- or JSON-escaping where the text goes into a request. */
    static String render(String template, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (values.containsKey(name)) {
                String value = values.get(name);
                replacement = value == null ? "" : escape.apply(value);
            } else {
                log.warn("Unknown placeholder {{{}}} left as it is", name);
                replacement = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
