package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.incidentId;
import static io.incidentflow.incident.ProcessVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reopen incident: the reporter says it is not fixed; the resolver group investigates again. */
@Component("reopenIncidentDelegate")
class ReopenIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    ReopenIncidentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Incident reopened = incidents.reopen(incidentId(execution), text(execution, "reopenReason"));
        // The resolution timer may have fired while the incident looked resolved (no breach then);
        // the next tasks are created after this step, so their names pick the mark up from here.
        if (reopened.resolutionBreached()) {
            execution.setVariable("resolutionBreached", true);
        }
        // Tasklist fills a form from the variables: the next Confirm closure must not open with "not fixed" chosen.
        execution.removeVariable("confirmation");
    }
}
