package io.incidentflow.integration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * What an integration applies to the incidents it opens: the part of it an administrator may change at
 * any time. Name and type stay as created (senders and mailbox settings refer to them); the key is rotated,
 * never set.
 */
record IntegrationDefaults(
        @Size(max = 50) String category,
        @Size(max = 100) String service,
        @Min(1) @Max(5) Integer defaultImpact,
        @Min(1) @Max(3) Integer urgency,
        @Size(max = 100) String resolverGroup,
        boolean perAlert,
        boolean autoResolve,
        @Size(max = 500) String dedupTemplate,
        @Size(max = 100) String responsePlan) {

    /** Blank text means "no default": stored as null, so that the alert's own value or the process decides. */
    IntegrationDefaults {
        category = trimmed(category);
        service = trimmed(service);
        resolverGroup = trimmed(resolverGroup);
        dedupTemplate = trimmed(dedupTemplate);
        responsePlan = trimmed(responsePlan);
    }

    static IntegrationDefaults of(Integration integration) {
        return new IntegrationDefaults(integration.category(), integration.service(), integration.defaultImpact(),
                integration.urgency(), integration.resolverGroup(), integration.perAlert(), integration.autoResolve(),
                integration.dedupTemplate(), integration.responsePlan());
    }

    /** The fields that are set, by name: a new integration's defaults in its audit entry. */
    Map<String, Object> asMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        putIfSet(values, "category", category);
        putIfSet(values, "service", service);
        putIfSet(values, "defaultImpact", defaultImpact);
        putIfSet(values, "urgency", urgency);
        putIfSet(values, "resolverGroup", resolverGroup);
        values.put("perAlert", perAlert);
        values.put("autoResolve", autoResolve);
        putIfSet(values, "dedupTemplate", dedupTemplate);
        putIfSet(values, "responsePlan", responsePlan);
        return values;
    }

    /** Each field that differs, as {@code field -> {from, to}}: what the audit log keeps of a change. */
    Map<String, Object> changesTo(IntegrationDefaults after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        change(changes, "category", category, after.category);
        change(changes, "service", service, after.service);
        change(changes, "defaultImpact", defaultImpact, after.defaultImpact);
        change(changes, "urgency", urgency, after.urgency);
        change(changes, "resolverGroup", resolverGroup, after.resolverGroup);
        change(changes, "perAlert", perAlert, after.perAlert);
        change(changes, "autoResolve", autoResolve, after.autoResolve);
        change(changes, "dedupTemplate", dedupTemplate, after.dedupTemplate);
        change(changes, "responsePlan", responsePlan, after.responsePlan);
        return changes;
    }

    static void change(Map<String, Object> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            changes.put(field, change);
        }
    }

    private static void putIfSet(Map<String, Object> values, String field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
