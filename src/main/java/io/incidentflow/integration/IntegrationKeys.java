package io.incidentflow.integration;

import io.incidentflow.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Integration keys: 32 random URL-safe characters, stored only as their SHA-256. */
final class IntegrationKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IntegrationKeys() {
    }

    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        return Sha256.hex(key);
    }

    static String hint(String key) {
        return key.substring(0, Math.min(4, key.length()));
    }
}
