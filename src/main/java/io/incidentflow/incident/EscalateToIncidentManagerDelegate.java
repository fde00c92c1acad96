package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.incidentId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Escalate to incident manager: a major incident (P1/P2) goes to the incident managers first. */
@Component("escalateToIncidentManagerDelegate")
class EscalateToIncidentManagerDelegate implements JavaDelegate {

    private final IncidentService incidents;

    EscalateToIncidentManagerDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.escalateToIncidentManager(incidentId(execution));
    }
}
