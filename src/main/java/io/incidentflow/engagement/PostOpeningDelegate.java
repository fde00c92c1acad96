package io.incidentflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Post opening to chat channels: the incident is open and being engaged. Retried by the job executor; the last attempt gives up instead of failing. */
@Component("postOpeningDelegate")
class PostOpeningDelegate implements JavaDelegate {

    private final EngagementService engagement;

    PostOpeningDelegate(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object stage = execution.getVariable("stage");
        engagement.post(Variables.incidentId(execution), Variables.text(execution, "responsePlan"),
                EngagementService.Update.OPENED, stage == null ? 0 : Variables.number(stage, "stage").intValue(),
                Variables.lastAttempt(execution));
    }
}
