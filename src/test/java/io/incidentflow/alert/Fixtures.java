package io.incidentflow.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationType;

/** Payload fixtures from src/test/resources/alerts and integrations to parse them with. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A fresh, modifiable copy of the fixture. */
    static ObjectNode payload(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/alerts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture alerts/" + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode parseJson(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Grouped (not per alert), no template, no defaults. */
    static Integration integration(IntegrationType type) {
        return new Integration(1L, "test " + type, type, true, null, null, null, null, null, false, false, null, null);
    }

    static Integration perAlert(IntegrationType type) {
        return new Integration(1L, "test " + type, type, true, null, null, null, null, null, true, false, null, null);
    }

    static Integration withTemplate(IntegrationType type, String dedupTemplate) {
        return new Integration(1L, "test " + type, type, true, null, null, null, null, null, false, false,
                dedupTemplate, null);
    }

    static Integration withDefaults(IntegrationType type, String category, String service, Integer defaultImpact) {
        return new Integration(1L, "test " + type, type, true, category, service, defaultImpact, 3, "ops", false,
                false, null, null);
    }
}
