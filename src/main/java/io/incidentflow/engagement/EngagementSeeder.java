package io.incidentflow.engagement;

import java.util.List;

import io.incidentflow.identity.Seeder;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates or updates the configured plans at start-up: escalation plans before the response plans that name them,
 * and both before the integrations (order 10) that name a response plan.
 */
@Component
@Order(5)
class EngagementSeeder implements Seeder {

    private final EngagementSettings settings;
    private final EscalationPlanService escalationPlans;
    private final ResponsePlanService responsePlans;

    EngagementSeeder(EngagementSettings settings, EscalationPlanService escalationPlans,
            ResponsePlanService responsePlans) {
        this.settings = settings;
        this.escalationPlans = escalationPlans;
        this.responsePlans = responsePlans;
    }

    @Override
    public void seed() {
        seedEach("incidentflow.escalation-plans", settings.escalationPlans(), escalationPlans::seed);
        seedEach("incidentflow.response-plans", settings.responsePlans(), responsePlans::seed);
    }

    private static <T> void seedEach(String setting, List<T> seeds, java.util.function.Consumer<T> seeder) {
        for (int i = 0; i < seeds.size(); i++) {
            try {
                seeder.accept(seeds.get(i));
            } catch (EngagementValidationException e) {
                throw new IllegalStateException(setting + "[" + i + "]: " + e.getMessage(), e);
            }
        }
    }
}
