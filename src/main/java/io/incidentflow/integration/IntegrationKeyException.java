package io.incidentflow.integration;

/** The key names no integration (401), a disabled one (403), or one of another type (403). */
public class IntegrationKeyException extends RuntimeException {

    private final boolean known;

    IntegrationKeyException(String message, boolean known) {
        super(message);
        this.known = known;
    }

    /** Whether the key belongs to an integration at all: decides 403 over 401. */
    public boolean known() {
        return known;
    }
}
