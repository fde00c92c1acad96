package io.incidentflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Record that nobody acknowledged: the plan ran out; the incident shows it, and the incident managers take over. */
@Component("recordNobodyAcknowledgedDelegate")
class RecordNobodyAcknowledgedDelegate implements JavaDelegate {

    private final EngagementService engagement;

    RecordNobodyAcknowledgedDelegate(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        engagement.nobodyAcknowledged(Variables.incidentId(execution));
    }
}
