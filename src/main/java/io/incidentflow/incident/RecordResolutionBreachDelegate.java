package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.incidentId;

import io.incidentflow.tasklist.TaskNaming;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record resolution target breach. The timer also fires while a resolved incident waits for confirmation;
 * that is no breach, and then nothing is marked.
 */
@Component("recordResolutionBreachDelegate")
class RecordResolutionBreachDelegate implements JavaDelegate {

    private final IncidentService incidents;
    private final TaskNaming taskNaming;

    RecordResolutionBreachDelegate(IncidentService incidents, TaskNaming taskNaming) {
        this.incidents = incidents;
        this.taskNaming = taskNaming;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (incidents.recordResolutionBreach(incidentId(execution))) {
            execution.setVariable("resolutionBreached", true);
            taskNaming.refreshOpenTasks(execution.getProcessInstanceId());
        }
    }
}
