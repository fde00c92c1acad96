package io.incidentflow.review;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Start post-incident review (incident process): the review runs as its own process instance, keyed by the
 * incident number, so the incident closes while the review goes on.
 */
@Component("startPostIncidentReviewDelegate")
class StartPostIncidentReviewDelegate implements JavaDelegate {

    private final RuntimeService runtimeService;

    StartPostIncidentReviewDelegate(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable("incidentNumber");
        runtimeService.startProcessInstanceByKey(ReviewService.PROCESS_KEY, number,
                Map.of("incidentNumber", number));
    }
}
