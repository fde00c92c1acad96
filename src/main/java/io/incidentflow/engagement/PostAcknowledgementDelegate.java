package io.incidentflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Post acknowledgement to chat channels: who acknowledged, and when. Retried by the job executor; the last attempt gives up instead of failing. */
@Component("postAcknowledgementDelegate")
class PostAcknowledgementDelegate implements JavaDelegate {

    private final EngagementService engagement;

    PostAcknowledgementDelegate(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object stage = execution.getVariable("stage");
        engagement.post(Variables.incidentId(execution), Variables.text(execution, "responsePlan"),
                EngagementService.Update.ACKNOWLEDGED, stage == null ? 0 : Variables.number(stage, "stage").intValue(),
                Variables.lastAttempt(execution));
    }
}
