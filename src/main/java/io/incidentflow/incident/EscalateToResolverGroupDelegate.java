package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.currentUserId;
import static io.incidentflow.incident.ProcessVariables.incidentId;
import static io.incidentflow.incident.ProcessVariables.integer;
import static io.incidentflow.incident.ProcessVariables.text;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Escalate to resolver group: hands the incident to the group that investigates it. On the major-incident
 * path this step directly follows Coordinate major incident, so the user who completed that task (the
 * engine's current user) is the incident manager, and their note is recorded with it.
 */
@Component("escalateToResolverGroupDelegate")
class EscalateToResolverGroupDelegate implements JavaDelegate {

    private final IncidentService incidents;
    private final IdentityService identityService;

    EscalateToResolverGroupDelegate(IncidentService incidents, IdentityService identityService) {
        this.incidents = incidents;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = incidentId(execution);
        incidents.escalateToResolverGroup(id, text(execution, "resolverGroup"));

        String note = text(execution, "incidentManagerNote");
        String manager = isMajor(execution) ? currentUserId(identityService) : null;
        // On the regular path the current user is the first-line agent, not an incident manager.
        if (note != null || manager != null) {
            incidents.recordCoordination(id, manager, note);
        }
    }

    /** Mirrors the model's "Major incident (P1/P2)?" gateway: only major incidents pass Coordinate. */
    private static boolean isMajor(DelegateExecution execution) {
        Integer priority = integer(execution, "priority");
        return priority != null && priority <= 2;
    }
}
