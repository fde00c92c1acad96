package io.incidentflow.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules a Camunda Form states for its fields (required, allowed options, length and range),
 * read from the deployed form itself so that the server enforces exactly what the analyst modelled.
 */
record FormRules(List<Field> fields) {

    private static final Set<String> OPTION_TYPES = Set.of("select", "radio");

    record Field(String key, String label, String type, boolean required, boolean conditional,
            Set<String> allowedValues, Integer maxLength, Double min, Double max) {

        /** Options like "1".."5" mean the process wants a number, whatever type the browser sent. */
        boolean numeric() {
            return "number".equals(type)
                    || (!allowedValues.isEmpty() && allowedValues.stream().allMatch(v -> v.matches("-?\\d+")));
        }
    }

    static FormRules of(JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        collect(schema.path("components"), fields);
        return new FormRules(List.copyOf(fields));
    }

    Map<String, Field> byKey() {
        return fields.stream().collect(Collectors.toMap(Field::key, f -> f, (a, b) -> a));
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            String key = component.path("key").asText(null);
            if (key == null || component.path("readonly").asBoolean(false)
                    || component.path("disabled").asBoolean(false)) {
                continue;
            }
            JsonNode validate = component.path("validate");
            String type = component.path("type").asText();
            fields.add(new Field(key,
                    component.path("label").asText(key),
                    type,
                    validate.path("required").asBoolean(false),
                    component.has("conditional"),
                    OPTION_TYPES.contains(type) ? values(component.path("values")) : Set.of(),
                    validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
                    validate.has("min") ? validate.path("min").asDouble() : null,
                    validate.has("max") ? validate.path("max").asDouble() : null));
        }
    }

    private static Set<String> values(JsonNode values) {
        return StreamSupport.stream(values.spliterator(), false)
                .map(option -> option.path("value").asText())
                .collect(Collectors.toUnmodifiableSet());
    }
}
