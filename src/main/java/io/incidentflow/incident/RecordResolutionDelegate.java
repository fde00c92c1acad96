package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.currentUserId;
import static io.incidentflow.incident.ProcessVariables.incidentId;
import static io.incidentflow.incident.ProcessVariables.text;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record resolution: the incident is resolved (at first line or by the resolver group). Runs right after
 * the user completed their task, so the engine's current user is the one who resolved it.
 */
@Component("recordResolutionDelegate")
class RecordResolutionDelegate implements JavaDelegate {

    private final IncidentService incidents;
    private final IdentityService identityService;

    RecordResolutionDelegate(IncidentService incidents, IdentityService identityService) {
        this.incidents = incidents;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = incidentId(execution);
        String diagnosis = text(execution, "diagnosis");
        if (diagnosis != null) {
            incidents.recordDiagnosis(id, diagnosis);
        }
        incidents.resolve(id, text(execution, "resolution"), text(execution, "rootCause"),
                currentUserId(identityService));
    }
}
