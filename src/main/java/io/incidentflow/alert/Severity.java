package io.incidentflow.alert;

import java.util.Locale;
import java.util.Map;

/**
 * The sources' words for severity, mapped onto impact as in AWS Incident Manager
 * (1 Critical, 2 High, 3 Medium, 4 Low, 5 No impact). Unknown words give null, so the integration's
 * default impact applies.
 */
final class Severity {

    private static final Map<String, Integer> IMPACT = Map.ofEntries(
            Map.entry("critical", 1), Map.entry("disaster", 1), Map.entry("fatal", 1), Map.entry("page", 1),
            Map.entry("error", 2), Map.entry("high", 2), Map.entry("major", 2),
            Map.entry("warning", 3), Map.entry("average", 3), Map.entry("medium", 3),
            Map.entry("info", 4), Map.entry("information", 4), Map.entry("low", 4), Map.entry("minor", 4),
            Map.entry("none", 5), Map.entry("not classified", 5), Map.entry("ok", 5));

    private Severity() {
    }

    static Integer impactOf(String severity) {
        return severity == null ? null : IMPACT.get(severity.strip().toLowerCase(Locale.ROOT));
    }
}
