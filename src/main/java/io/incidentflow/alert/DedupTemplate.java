package io.incidentflow.alert;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The integration's optional dedup key template for Alertmanager and Grafana, e.g.
 * {@code {{labels.alertname}}/{{labels.instance}}}. Only two kinds of placeholder exist:
 * {@code {{labels.NAME}}} and {@code {{annotations.NAME}}} (spaces inside the braces allowed); a label or
 * annotation the alert does not have renders as the empty string. Everything else is literal text.
 */
public final class DedupTemplate {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{\\s*(labels|annotations)\\.([^{}\\s]+)\\s*}}");
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");

    private DedupTemplate() {
    }

    /**
     * Checks a template before it is saved on an integration.
     *
     * @throws IllegalArgumentException naming the first placeholder that is neither {@code labels.x} nor
     *                                  {@code annotations.x}, or when there is no placeholder at all
     */
    public static void validate(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("The dedup template is empty");
        }
        Matcher any = ANY_PLACEHOLDER.matcher(template);
        boolean found = false;
        while (any.find()) {
            if (!PLACEHOLDER.matcher(any.group()).matches()) {
                throw new IllegalArgumentException("Unknown placeholder " + any.group()
                        + ": use {{labels.NAME}} or {{annotations.NAME}}");
            }
            found = true;
        }
        if (!found) {
            throw new IllegalArgumentException(
                    "The dedup template has no placeholder: every alert would get the same key");
        }
    }

    /**
     * @return the template with its placeholders replaced; the caller falls back to its usual key when the
     *         result is blank or has no placeholder value at all
     */
    public static String render(String template, Map<String, String> labels, Map<String, String> annotations) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Map<String, String> source = "labels".equals(matcher.group(1)) ? labels : annotations;
            String value = source == null ? null : source.get(matcher.group(2));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** True when at least one placeholder of the template has a value for this alert. */
    static boolean anyResolved(String template, Map<String, String> labels, Map<String, String> annotations) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            Map<String, String> source = "labels".equals(matcher.group(1)) ? labels : annotations;
            String value = source == null ? null : source.get(matcher.group(2));
            if (value != null && !value.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
