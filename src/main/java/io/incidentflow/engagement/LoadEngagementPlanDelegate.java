package io.incidentflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Load engagement plan: how many stages and rounds the incident's response plan has, and whether to start. */
@Component("loadEngagementPlanDelegate")
class LoadEngagementPlanDelegate implements JavaDelegate {

    private final EngagementService engagement;

    LoadEngagementPlanDelegate(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngagementService.Outline outline = engagement.start(Variables.incidentId(execution),
                Variables.text(execution, "responsePlan"));
        execution.setVariable("escalationPlan", outline.escalationPlan());
        execution.setVariable("stageCount", outline.stageCount());
        execution.setVariable("rounds", outline.rounds());
        execution.setVariable("engage", outline.anythingToDo());
        execution.setVariable("escalate", outline.escalate());
        execution.setVariable("acknowledged", outline.acknowledged());
        execution.setVariable("round", 0);
    }
}
