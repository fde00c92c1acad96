package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.date;
import static io.incidentflow.incident.ProcessVariables.duration;
import static io.incidentflow.incident.ProcessVariables.incidentId;
import static io.incidentflow.incident.ProcessVariables.integer;
import static io.incidentflow.incident.ProcessVariables.map;
import static io.incidentflow.incident.ProcessVariables.requiredInteger;
import static io.incidentflow.incident.ProcessVariables.text;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record classification: stores what the priority matrix and the routing decided and sets the due dates
 * the response and resolution timers wait for.
 */
@Component("recordClassificationDelegate")
class RecordClassificationDelegate implements JavaDelegate {

    static final String DECISION = "priorityDecision";

    private final IncidentService incidents;

    RecordClassificationDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<?, ?> decision = map(execution, DECISION);
        Integer priority = integer(decision.get("priority"), "priority");
        if (priority == null) {
            throw new IncidentValidationException("priority", "is missing from " + DECISION);
        }
        int impact = requiredInteger(execution, "impact");
        int urgency = requiredInteger(execution, "urgency");

        Classification targets = incidents.classify(incidentId(execution), text(execution, "category"),
                text(execution, "service"), impact, urgency, priority,
                duration(decision.get("responseTarget"), "responseTarget"),
                duration(decision.get("resolutionTarget"), "resolutionTarget"),
                text(execution, "resolverGroup"));

        execution.setVariable("priority", priority);
        execution.setVariable("impact", impact);
        execution.setVariable("urgency", urgency);
        execution.setVariable("responseDueAt", date(targets.responseDueAt()));
        execution.setVariable("resolutionDueAt", date(targets.resolutionDueAt()));
        // The decision is copied into typed variables; the raw map would only confuse forms and Cockpit.
        execution.removeVariable(DECISION);
    }
}
