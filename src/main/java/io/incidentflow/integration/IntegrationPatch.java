package io.incidentflow.integration;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.integration.IntegrationValidationException.FieldError;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * A JSON merge patch (RFC 7396) of an integration's defaults: a property that is absent keeps its value,
 * {@code null} clears it. Applied to the stored values inside the changing transaction, so two
 * administrators patching different fields at once both keep their change.
 */
final class IntegrationPatch implements UnaryOperator<IntegrationDefaults> {

    private static final Set<String> FIELDS = Arrays.stream(IntegrationDefaults.class.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toUnmodifiableSet());
    private static final Map<String, String> FIXED = Map.of(
            "name", "cannot be changed; create a new integration",
            "type", "cannot be changed; create a new integration",
            "key", "cannot be set; POST /api/integrations/{id}/rotate-key generates a new one",
            "enabled", "use POST /api/integrations/{id}/enable or /disable",
            "id", "cannot be changed");

    private final ObjectNode patch;
    private final ObjectMapper json;
    private final Validator validator;

    private IntegrationPatch(ObjectNode patch, ObjectMapper json, Validator validator) {
        this.patch = patch;
        this.json = json;
        this.validator = validator;
    }

    /** Refuses a body that is no object or names what a patch cannot change, before anything is read. */
    static IntegrationPatch of(JsonNode body, ObjectMapper json, Validator validator) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of(new FieldError(null, "the body must be a JSON object of the defaults to change")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (FIXED.containsKey(name)) {
                errors.add(new FieldError(name, FIXED.get(name)));
            } else if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a known property"));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new IntegrationPatch((ObjectNode) body, json, validator);
    }

    @Override
    public IntegrationDefaults apply(IntegrationDefaults current) {
        // A property missing from the tree (the mapper leaves nulls out) reads back as null: nothing is lost.
        ObjectNode merged = json.valueToTree(current);
        merged.setAll(patch);
        IntegrationDefaults changed = read(merged);
        List<FieldError> errors = validator.validate(changed).stream()
                .map(IntegrationPatch::fieldError)
                .toList();
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return changed;
    }

    private IntegrationDefaults read(ObjectNode merged) {
        try {
            return json.treeToValue(merged, IntegrationDefaults.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            throw invalid(List.of(new FieldError(field, "has a value of the wrong type")));
        } catch (JsonProcessingException e) {
            throw invalid(List.of(new FieldError(null, "is not a valid patch")));
        }
    }

    private static FieldError fieldError(ConstraintViolation<IntegrationDefaults> violation) {
        return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }

    private static IntegrationValidationException invalid(List<FieldError> errors) {
        return new IntegrationValidationException(errors.stream()
                .sorted(Comparator.comparing(FieldError::field, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList());
    }
}
