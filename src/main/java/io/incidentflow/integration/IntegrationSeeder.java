package io.incidentflow.integration;

import io.incidentflow.identity.Seeder;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates or updates the configured integrations at start-up, after identities, grants and filters. */
@Component
@Order(10)
class IntegrationSeeder implements Seeder {

    private final IntegrationSettings settings;
    private final IntegrationService integrations;

    IntegrationSeeder(IntegrationSettings settings, IntegrationService integrations) {
        this.settings = settings;
        this.integrations = integrations;
    }

    @Override
    public void seed() {
        settings.integrations().forEach(integrations::seed);
    }
}
