package io.incidentflow.alert;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading a payload field by field, naming the JSON path of the first problem (e.g. {@code alerts[2].labels})
 * in an {@link AlertFormatException}. JSON {@code null} counts as absent; numbers and booleans are accepted
 * where a string is expected (monitoring tools are not always careful about quoting); objects and arrays
 * are not.
 */
final class Fields {

    /** Path of the payload itself. */
    static final String ROOT = "$";

    private Fields() {
    }

    static String path(String parent, String name) {
        return parent == null || parent.isEmpty() || ROOT.equals(parent) ? name : parent + "." + name;
    }

    static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** The node as an object; absent or anything else is an error at {@code path}. */
    static JsonNode object(JsonNode node, String path) {
        if (!present(node)) {
            throw new AlertFormatException(path, "is required");
        }
        if (!node.isObject()) {
            throw new AlertFormatException(path, "must be a JSON object");
        }
        return node;
    }

    /** The child object, or null when absent. */
    static JsonNode optionalObject(JsonNode parent, String name, String parentPath) {
        JsonNode node = parent.get(name);
        if (!present(node)) {
            return null;
        }
        return object(node, path(parentPath, name));
    }

    /** The child array, or null when absent. */
    static JsonNode optionalArray(JsonNode parent, String name, String parentPath) {
        JsonNode node = parent.get(name);
        if (!present(node)) {
            return null;
        }
        if (!node.isArray()) {
            throw new AlertFormatException(path(parentPath, name), "must be a JSON array");
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String name, String parentPath) {
        JsonNode node = optionalArray(parent, name, parentPath);
        if (node == null) {
            throw new AlertFormatException(path(parentPath, name), "is required");
        }
        return node;
    }

    /** A required, non-blank string. */
    static String text(JsonNode parent, String name, String parentPath) {
        String value = optionalText(parent, name, parentPath);
        if (value == null || value.isBlank()) {
            throw new AlertFormatException(path(parentPath, name), "is required");
        }
        return value;
    }

    /** The string as sent (not trimmed), or null when absent. */
    static String optionalText(JsonNode parent, String name, String parentPath) {
        return scalar(parent.get(name), path(parentPath, name));
    }

    static String scalar(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        if (node.isContainerNode()) {
            throw new AlertFormatException(path, "must be a string");
        }
        return node.asText();
    }

    /** A {string: string} object such as labels or annotations; empty when absent. */
    static Map<String, String> stringMap(JsonNode parent, String name, String parentPath) {
        String path = path(parentPath, name);
        JsonNode node = parent.get(name);
        if (!present(node)) {
            return new LinkedHashMap<>();
        }
        return stringMap(object(node, path), path);
    }

    static Map<String, String> stringMap(JsonNode object, String path) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(entry -> {
            String value = scalar(entry.getValue(), path(path, entry.getKey()));
            if (value != null) {
                map.put(entry.getKey(), value);
            }
        });
        return map;
    }
}
