package io.incidentflow.engagement;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Plans that exist because configuration says so ({@code incidentflow.escalation-plans[...]},
 * {@code incidentflow.response-plans[...]}): created or brought in line by name at every start. The detailed rules
 * are the API's; a seed that breaks them stops the start naming the plan and the field.
 *
 * @param defaultResponsePlan engages the people of incidents that came with no response plan (reported in
 *                            Tasklist, over the API, by mail, or by an integration without one), as a PagerDuty
 *                            service's escalation policy does; none by default
 */
@Validated
@ConfigurationProperties("incidentflow")
record EngagementSettings(@DefaultValue List<EscalationPlan> escalationPlans,
        @DefaultValue List<ResponsePlan> responsePlans, String defaultResponsePlan) {

    @AssertTrue(message = "each name may appear only once in incidentflow.escalation-plans")
    boolean isEachEscalationPlanOnce() {
        return escalationPlans.stream().map(EscalationPlan::name).filter(Objects::nonNull).distinct().count()
                == escalationPlans.size();
    }

    @AssertTrue(message = "each name may appear only once in incidentflow.response-plans")
    boolean isEachResponsePlanOnce() {
        return responsePlans.stream().map(ResponsePlan::name).filter(Objects::nonNull).distinct().count()
                == responsePlans.size();
    }
}
