package io.incidentflow.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The incident flow starts a runbook as {@code <callActivity calledElement="${runbook}">} with four variables. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/runbooks/restart-service.bpmn", "runbooks/calls-a-runbook.bpmn"})
class RunbookCallActivityTest {

    private final JavaDelegate callRestartHook = mock(JavaDelegate.class);

    @BeforeEach
    void setUp(ProcessEngine processEngine) {
        init(processEngine);
        Mocks.register("callRestartHookDelegate", callRestartHook);
        Mocks.register("noteRestartOnIncidentDelegate", mock(JavaDelegate.class));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        reset();
    }

    @Test
    void theRunbookNamedInTheVariableStartsWithExactlyTheIncidentsFourVariables() {
        ProcessInstance incident = runtimeService().startProcessInstanceByKey("calls-a-runbook", withVariables(
                "runbook", "runbook-restart-service", "incidentId", 42L, "incidentNumber", "INC-000042",
                "service", "customer-db", "title", "決済DB応答なし", "description", "not passed on"));

        assertThat(incident).isWaitingAt("CallActivity_RunRunbook");
        ProcessInstance runbook = calledProcessInstance("runbook-restart-service", incident);
        assertThat(runbook).isWaitingAt("Task_CheckService");
        assertThat(runtimeService().getVariables(runbook.getId())).containsOnlyKeys(
                "incidentId", "incidentNumber", "service", "title")
                .containsEntry("incidentId", 42L).containsEntry("incidentNumber", "INC-000042")
                .containsEntry("service", "customer-db").containsEntry("title", "決済DB応答なし");
    }

    @Test
    void theIncidentFlowGoesOnOnceTheRunbookFinished() {
        ProcessInstance incident = runtimeService().startProcessInstanceByKey("calls-a-runbook", withVariables(
                "runbook", "runbook-restart-service", "incidentId", 42L, "incidentNumber", "INC-000042",
                "service", "customer-db", "title", "決済DB応答なし"));
        complete(task(calledProcessInstance("runbook-restart-service", incident)),
                withVariables("restartDecision", "skip"));
        execute(job(calledProcessInstance("runbook-restart-service", incident)));

        assertThat(incident).isEnded().hasPassed("CallActivity_RunRunbook", "EndEvent_Finished");
    }

    @Test
    void aRunbookStepThatKeepsFailingIsAnEngineIncidentOnBothButFailsNeitherProcess() throws Exception {
        doThrow(new IllegalStateException("hook down")).when(callRestartHook).execute(any());
        ProcessInstance incident = runtimeService().startProcessInstanceByKey("calls-a-runbook", withVariables(
                "runbook", "runbook-restart-service", "incidentId", 42L, "incidentNumber", "INC-000042",
                "service", "customer-db", "title", "決済DB応答なし"));
        ProcessInstance runbook = calledProcessInstance("runbook-restart-service", incident);
        complete(task(runbook), withVariables("restartDecision", "restart"));
        Job call = job(runbook);
        for (int attempt = 0; attempt < 10 && retriesOf(call) > 0; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(call.getId())).hasMessageContaining("hook down");
        }

        assertThat(runtimeService().createIncidentQuery().processInstanceId(runbook.getId()).count()).isOne();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(incident.getId()).count()).isOne();
        assertThat(incident).isNotEnded().isWaitingAt("CallActivity_RunRunbook");
        assertThat(runbook).isNotEnded().isWaitingAt("Task_CallRestartHook");
    }

    private static int retriesOf(Job call) {
        return managementService().createJobQuery().jobId(call.getId()).singleResult().getRetries();
    }
}
