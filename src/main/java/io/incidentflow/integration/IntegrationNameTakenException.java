package io.incidentflow.integration;

/** Names identify integrations in mailbox settings and in the audit log: two cannot share one. */
class IntegrationNameTakenException extends RuntimeException {

    IntegrationNameTakenException(String name) {
        super("an integration named '" + name + "' exists already");
    }
}
