package io.incidentflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import java.util.List;

import io.incidentflow.engagement.EngagementValidationException.FieldError;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Plans from configuration: the documented YAML shape binds, and the seeder names the plan it could not take. */
class EngagementSettingsTest {

    @Configuration
    @EnableConfigurationProperties(EngagementSettings.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void plansBindFromKebabCaseSettings() {
        runner.withPropertyValues(
                        "incidentflow.escalation-plans[0].name=db-critical",
                        "incidentflow.escalation-plans[0].repeat=2",
                        "incidentflow.escalation-plans[0].stages[0].duration-minutes=5",
                        "incidentflow.escalation-plans[0].stages[0].targets[0].schedule=db-primary",
                        "incidentflow.escalation-plans[0].stages[1].duration-minutes=15",
                        "incidentflow.escalation-plans[0].stages[1].acknowledgement-stops-plan=false",
                        "incidentflow.escalation-plans[0].stages[1].targets[0].contact=yamada",
                        "incidentflow.response-plans[0].name=db-outage",
                        "incidentflow.response-plans[0].title=DB 障害",
                        "incidentflow.response-plans[0].escalation-plan=db-critical",
                        "incidentflow.response-plans[0].chat-channels[0].contact=ops-room",
                        "incidentflow.response-plans[0].dedup-template={{labels.instance}}")
                .run(context -> {
                    EngagementSettings settings = context.getBean(EngagementSettings.class);
                    EscalationPlan plan = settings.escalationPlans().get(0);
                    assertThat(plan.repeat()).isEqualTo(2);
                    assertThat(plan.stages().get(0).targets().get(0).schedule()).isEqualTo("db-primary");
                    assertThat(plan.stages().get(1).acknowledgementStopsPlan()).isFalse();
                    ResponsePlan response = settings.responsePlans().get(0);
                    assertThat(response.title()).isEqualTo("DB 障害");
                    assertThat(response.escalationPlan()).isEqualTo("db-critical");
                    assertThat(response.chatChannels().get(0).contact()).isEqualTo("ops-room");
                    assertThat(response.dedupTemplate()).isEqualTo("{{labels.instance}}");
                });
    }

    @Test
    void aNameConfiguredTwiceStopsTheStart() {
        runner.withPropertyValues("incidentflow.escalation-plans[0].name=db-critical",
                        "incidentflow.escalation-plans[1].name=db-critical")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void escalationPlansAreSeededBeforeTheResponsePlansThatNameThem() {
        EscalationPlanService escalationPlans = mock(EscalationPlanService.class);
        ResponsePlanService responsePlans = mock(ResponsePlanService.class);
        EscalationPlan escalation = new EscalationPlan("db-critical", null, null, List.of());
        ResponsePlan response = new ResponsePlan("db-outage", null, null, null, null, List.of(), "db-critical",
                List.of(), null);

        new EngagementSeeder(new EngagementSettings(List.of(escalation), List.of(response), null), escalationPlans,
                responsePlans).seed();

        InOrder order = inOrder(escalationPlans, responsePlans);
        order.verify(escalationPlans).seed(escalation);
        order.verify(responsePlans).seed(response);
    }

    @Test
    void aSeedTheRulesRefuseStopsTheStartNamingTheSetting() {
        EscalationPlanService escalationPlans = mock(EscalationPlanService.class);
        doThrow(new EngagementValidationException(List.of(new FieldError("stages", "must list 1 to 20 stages"))))
                .when(escalationPlans).seed(any());
        EngagementSeeder seeder = new EngagementSeeder(new EngagementSettings(List.of(
                new EscalationPlan("db-critical", null, null, List.of())), List.of(), null), escalationPlans,
                mock(ResponsePlanService.class));

        assertThatThrownBy(seeder::seed).hasMessageContaining("incidentflow.escalation-plans[0]")
                .hasMessageContaining("stages: must list 1 to 20 stages");
    }
}
