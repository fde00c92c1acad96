package io.incidentflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Load engagement plan: how many stages and rounds the incident's response plan has, and whether to start. */
@Component("loadEngagementPlanDelegate")
class LoadEngagementPlanDelegate implements JavaDelegate {

    private final EngagementService engagement;
    private final EngagementSettings settings;

    LoadEngagementPlanDelegate(EngagementService engagement, EngagementSettings settings) {
        this.engagement = engagement;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String responsePlan = Variables.text(execution, "responsePlan");
        EngagementService.Outline outline = engagement.start(Variables.incidentId(execution),
                responsePlan != null ? responsePlan : settings.defaultResponsePlan());
        execution.setVariable("escalationPlan", outline.escalationPlan());
        execution.setVariable("stageCount", outline.stageCount());
        execution.setVariable("rounds", outline.rounds());
        execution.setVariable("engage", outline.anythingToDo());
        execution.setVariable("escalate", outline.escalate());
        execution.setVariable("acknowledged", outline.acknowledged());
        execution.setVariable("round", 0);
    }
}
