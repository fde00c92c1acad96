package io.incidentflow.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentComments;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.NewIncident;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The application deploys the runbook with its forms, and its steps reach the real incident record. */
@SpringBootTest
@ActiveProfiles("test")
class RunbookInApplicationTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentComments comments;

    @Test
    void theRunbookIsDeployedWithItsFormsAndNotStartableInTasklist() {
        ProcessDefinition runbook = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("runbook-restart-service").latestVersion().singleResult();

        assertThat(runbook.isStartableInTasklist()).isFalse();
        assertThat(repositoryService.getDeploymentResourceNames(runbook.getDeploymentId()))
                .anyMatch(name -> name.endsWith("runbook-restart-check.form"))
                .anyMatch(name -> name.endsWith("runbook-restart-manual.form"))
                .anyMatch(name -> name.endsWith("runbook-verify-health.form"));
    }

    private Incident incident;

    /** The context is shared with tests that count open tasks: leave none behind. */
    @AfterEach
    void endTheIncidentsProcess() {
        if (incident != null) {
            runtimeService.deleteProcessInstance(incident.processInstanceId(), "test over");
        }
    }

    @Test
    void aRunbookNotesItsOutcomeOnTheIncidentAndItsTasksNameTheIncident() {
        incident = incidents.open(new NewIncident("顧客DB応答なし", null, "customer-db", null, null, null,
                "test", null, null), Map.of());
        ProcessInstance runbook = runtimeService.startProcessInstanceByKey("runbook-restart-service", Map.of(
                "incidentId", incident.id(), "incidentNumber", incident.number(), "service", "customer-db",
                "title", incident.title()));

        Task check = taskService.createTaskQuery().processInstanceId(runbook.getId()).singleResult();
        assertThat(check.getName()).isEqualTo(incident.number() + " · Check service before restart · 顧客DB応答なし");
        taskService.complete(check.getId(), Map.of("restartDecision", "skip", "checkNote", "既に復旧 / recovered"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(runbook.getId())
                .singleResult().getId());

        assertThat(comments.of(incident.id())).singleElement().satisfies(note -> {
            assertThat(note.author()).isEqualTo("runbook-restart-service");
            assertThat(note.source()).isEqualTo("runbook");
            assertThat(note.body()).contains("Restart judged not needed").contains("既に復旧 / recovered");
        });
    }
}
