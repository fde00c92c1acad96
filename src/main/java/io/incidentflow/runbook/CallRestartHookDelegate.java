package io.incidentflow.runbook;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Call restart hook. A refusal becomes the BPMN error {@value #REFUSED} (the model sends a person to restart
 * by hand); an unreachable hook throws, so the job executor retries and, when retries run out, Cockpit shows
 * an engine incident on this step.
 */
@Component
class CallRestartHookDelegate implements JavaDelegate {

    static final String REFUSED = "RestartHookRefused";

    private final RestartHooks hooks;

    CallRestartHookDelegate(RestartHooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            String answer = hooks.restart((String) execution.getVariable("service"),
                    (String) execution.getVariable("incidentNumber"), (String) execution.getVariable("title"),
                    execution.getProcessInstanceId());
            execution.setVariable("restartHookResult", answer);
        } catch (RestartHookRefusedException e) {
            throw new BpmnError(REFUSED, e.getMessage());
        }
    }
}
