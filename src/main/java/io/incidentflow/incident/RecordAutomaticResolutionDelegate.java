package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.incidentId;
import static io.incidentflow.incident.ProcessVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Record automatic resolution: the monitoring source reported recovery and its integration resolves by itself. */
@Component("recordAutomaticResolutionDelegate")
class RecordAutomaticResolutionDelegate implements JavaDelegate {

    static final String RESOLUTION = "監視元が復旧を報告しました / The monitoring source reported recovery";

    private final IncidentService incidents;

    RecordAutomaticResolutionDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String source = text(execution, "resolvedBySource");
        incidents.resolve(incidentId(execution), RESOLUTION, null, source);
    }
}
