package io.incidentflow.incident;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Claiming an incident's task in Tasklist is how a responder says "I have it": the record shows who
 * works on it, and the first claim is the acknowledgement that time-to-acknowledge is measured to.
 */
@Component
class TaskAssignmentListener {

    private final IncidentService incidentService;

    TaskAssignmentListener(IncidentService incidentService) {
        this.incidentService = incidentService;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_ASSIGNMENT + "'")
    public void onTaskAssigned(DelegateTask task) {
        if (task.getVariable("incidentId") == null) {
            return;
        }
        incidentService.recordAssignment(ProcessVariables.incidentId(task), task.getAssignee());
    }
}
