package io.incidentflow.runbook;

import java.util.List;

import io.incidentflow.incident.IncidentComments;
import io.incidentflow.incident.IncidentComments.NewComment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Note restart on incident: what the runbook did goes on the incident as a comment. Keyed by the runbook's
 * process instance, so a retried job does not note it twice.
 */
@Component
class NoteRestartOnIncidentDelegate implements JavaDelegate {

    static final String SOURCE = "runbook";
    static final String SUBJECT = "手順書: サービス再起動 / Runbook: restart service";

    private final IncidentComments comments;

    NoteRestartOnIncidentDelegate(IncidentComments comments) {
        this.comments = comments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String body = RestartNote.of(execution.getVariables());
        // The author is the runbook (its process key), e.g. runbook-restart-service.
        String runbook = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        comments.add((String) execution.getVariable("incidentNumber"), new NewComment(runbook, SOURCE, SUBJECT, body,
                SOURCE + ":" + execution.getProcessInstanceId(), List.of()));
    }
}
