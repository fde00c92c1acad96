package io.incidentflow.incident;

import static io.incidentflow.incident.ProcessVariables.incidentId;

import io.incidentflow.tasklist.TaskNaming;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Record response target breach: nobody responded in time; the open tasks get the SLA mark. */
@Component("recordResponseBreachDelegate")
class RecordResponseBreachDelegate implements JavaDelegate {

    private final IncidentService incidents;
    private final TaskNaming taskNaming;

    RecordResponseBreachDelegate(IncidentService incidents, TaskNaming taskNaming) {
        this.incidents = incidents;
        this.taskNaming = taskNaming;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (incidents.recordResponseBreach(incidentId(execution))) {
            execution.setVariable("responseBreached", true);
            taskNaming.refreshOpenTasks(execution.getProcessInstanceId());
        }
    }
}
