package io.incidentflow.review;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/post-incident-review.bpmn")
class PostIncidentReviewProcessTest {

    private final JavaDelegate measureIncident = mock(JavaDelegate.class);
    private final JavaDelegate recordReview = mock(JavaDelegate.class);

    @BeforeEach
    void setUp(ProcessEngine processEngine) throws Exception {
        init(processEngine);
        doAnswer(call -> actAsMeasureIncident(call.getArgument(0))).when(measureIncident).execute(any());
        Mocks.register("measureIncidentDelegate", measureIncident);
        Mocks.register("recordReviewDelegate", recordReview);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        reset();
    }

    @Test
    void incidentManagersReviewWithTheMeasuredFiguresAndTheReviewIsRecorded() throws Exception {
        ProcessInstance review = runtimeService().startProcessInstanceByKey("post-incident-review", "INC-000042",
                withVariables("incidentNumber", "INC-000042"));

        assertThat(review).isWaitingAt("Task_ConductReview").hasPassed("Task_MeasureIncident");
        assertThat(task()).hasCandidateGroup("incident-managers");
        assertThat(review).variables().containsEntry("measuredTimeToAcknowledge", "12 min 0 s");
        verifyNoInteractions(recordReview);

        complete(task(), withVariables("whatHappened", "DB failover", "customerImpact", "Checkout down 40 min",
                "rootCause", "Disk full", "followUpActions", "tanaka: alert on disk at 80%"));

        assertThat(review).isEnded().hasPassedInOrder("Task_MeasureIncident", "Task_ConductReview",
                "Task_RecordReview", "EndEvent_ReviewCompleted");
        InOrder order = inOrder(measureIncident, recordReview);
        order.verify(measureIncident).execute(any());
        order.verify(recordReview).execute(any());
    }

    private static Void actAsMeasureIncident(DelegateExecution execution) {
        execution.setVariable("reviewId", 7L);
        execution.setVariable("measuredTimeToAcknowledge", "12 min 0 s");
        return null;
    }
}
