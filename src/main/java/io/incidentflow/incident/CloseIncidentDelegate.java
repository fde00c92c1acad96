package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.currentUserId;
import static io.incidentflow.incident.ProcessVariables.incidentId;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Close incident: the fix was confirmed; whoever confirmed it (the current user) closed it. */
@Component("closeIncidentDelegate")
class CloseIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;
    private final IdentityService identityService;

    CloseIncidentDelegate(IncidentService incidents, IdentityService identityService) {
        this.incidents = incidents;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.close(incidentId(execution), currentUserId(identityService));
    }
}
