package io.incidentflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Post resolution to chat channels: the incident is resolved. Retried by the job executor; the last attempt gives up instead of failing. */
@Component("postResolutionDelegate")
class PostResolutionDelegate implements JavaDelegate {

    private final EngagementService engagement;

    PostResolutionDelegate(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object stage = execution.getVariable("stage");
        engagement.post(Variables.incidentId(execution), Variables.text(execution, "responsePlan"),
                EngagementService.Update.RESOLVED, stage == null ? 0 : Variables.number(stage, "stage").intValue(),
                Variables.lastAttempt(execution));
    }
}
