package io.incidentflow.engagement;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incidents without a response plan of their own are engaged by the configured default, if there is one. */
class LoadEngagementPlanDelegateTest {

    private final EngagementService engagement = mock(EngagementService.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    @BeforeEach
    void incident() {
        when(execution.getVariable("incidentId")).thenReturn(42L);
        when(engagement.start(anyLong(), any())).thenReturn(new EngagementService.Outline(null, 0, 0, false, false));
    }

    @Test
    void anIncidentReportedWithoutResponsePlanIsEngagedByTheDefaultOne() throws Exception {
        delegate("service-desk-default").execute(execution);

        verify(engagement).start(42L, "service-desk-default");
    }

    @Test
    void anIncidentsOwnResponsePlanComesFirst() throws Exception {
        when(execution.getVariable("responsePlan")).thenReturn("db-outage");

        delegate("service-desk-default").execute(execution);

        verify(engagement).start(42L, "db-outage");
    }

    @Test
    void withoutDefaultNobodyIsEngagedForAnIncidentWithoutPlan() throws Exception {
        delegate(null).execute(execution);

        verify(engagement).start(42L, null);
    }

    private LoadEngagementPlanDelegate delegate(String defaultPlan) {
        return new LoadEngagementPlanDelegate(engagement, new EngagementSettings(List.of(), List.of(), defaultPlan));
    }
}
