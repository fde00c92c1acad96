package io.incidentflow.integration;

/** No integration with that id. */
class IntegrationNotFoundException extends RuntimeException {

    IntegrationNotFoundException(long id) {
        super("no integration " + id);
    }
}
