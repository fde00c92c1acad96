package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.incidentId;
import static io.incidentflow.incident.ProcessVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Close as not an incident: identification found a service request or noise. */
@Component("closeAsNotIncidentDelegate")
class CloseAsNotIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    CloseAsNotIncidentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.closeAsNotIncident(incidentId(execution), text(execution, "classification"),
                text(execution, "classificationReason"));
    }
}
