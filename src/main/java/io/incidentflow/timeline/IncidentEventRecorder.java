package io.incidentflow.timeline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes {@code incident_event}: every service task of a process about an incident (one with the variable
 * {@code incidentId}) is a step that changed our record. Listening to the engine's events keeps these writes out of
 * every delegate and out of IncidentService; the row commits with the step, or not at all. The actor is the user
 * the engine runs the step for: the one who completed the task before it, the reporter, or nobody for a timer.
 */
@Component
class IncidentEventRecorder {

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final IncidentMetrics metrics;

    IncidentEventRecorder(JdbcClient jdbc, IdentityService identityService, IncidentMetrics metrics) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.metrics = metrics;
    }

    @EventListener(condition = "#execution.eventName == '" + ExecutionListener.EVENTNAME_END + "'")
    public void onActivityEnd(DelegateExecution execution) {
        if (!(execution.getBpmnModelElementInstance() instanceof ServiceTask step)
                || !(execution.getVariable("incidentId") instanceof Number incidentId)) {
            return;
        }
        String status = jdbc.sql("SELECT status FROM incident WHERE id = :id").param("id", incidentId.longValue())
                .query(String.class).optional().orElse(null);
        if (status == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO incident_event (incident_id, at, activity_id, activity_name, status, actor,
                                            process_instance_id)
                VALUES (:incident, :at, :activity, :name, :status, :actor, :process)""")
                .param("incident", incidentId.longValue())
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .param("activity", step.getId())
                .param("name", step.getName())
                .param("status", status)
                .param("actor", actor())
                .param("process", execution.getProcessInstanceId())
                .update();
        metrics.stepDone(incidentId.longValue(), step, status);
    }

    private String actor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
