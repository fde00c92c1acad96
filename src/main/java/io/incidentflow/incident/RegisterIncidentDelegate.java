package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.bool;
import static io.incidentflow.incident.ProcessVariables.dateTime;
import static io.incidentflow.incident.ProcessVariables.integer;
import static io.incidentflow.incident.ProcessVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Register incident: creates the incident record of this process instance and numbers it. */
@Component("registerIncidentDelegate")
class RegisterIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    RegisterIncidentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NewIncident reported = new NewIncident(
                text(execution, "title"),
                text(execution, "description"),
                text(execution, "service"),
                text(execution, "category"),
                integer(execution, "impact"),
                integer(execution, "urgency"),
                text(execution, "source"),
                text(execution, "reporter"),
                dateTime(execution, "detectedAt"));
        Incident incident = incidents.register(reported, execution.getProcessInstanceId());

        execution.setVariable("incidentId", incident.id());
        execution.setVariable("incidentNumber", incident.number());
        execution.setVariable("source", incident.source());
        // The gateway after this step needs a Boolean; Tasklist starts never send one.
        execution.setVariable("preClassified", Boolean.TRUE.equals(bool(execution, "preClassified")));
        // Typed from here on, so that the priority matrix compares numbers, not the form's text.
        if (incident.impact() != null) {
            execution.setVariable("impact", incident.impact());
        }
        if (incident.urgency() != null) {
            execution.setVariable("urgency", incident.urgency());
        }
        // The number is the key people quote, so Cockpit finds the instance by it. It exists only now.
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(incident.number());
        }
    }
}
