package io.incidentflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Post escalation to chat channels: nobody acknowledged in time; the next stage is engaged. Retried by the job executor; the last attempt gives up instead of failing. */
@Component("postEscalationDelegate")
class PostEscalationDelegate implements JavaDelegate {

    private final EngagementService engagement;

    PostEscalationDelegate(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object stage = execution.getVariable("stage");
        engagement.post(Variables.incidentId(execution), Variables.text(execution, "responsePlan"),
                EngagementService.Update.ESCALATED, stage == null ? 0 : Variables.number(stage, "stage").intValue(),
                Variables.lastAttempt(execution));
    }
}
