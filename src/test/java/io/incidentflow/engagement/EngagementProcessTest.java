package io.incidentflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every path of processes/engagement.bpmn with its delegates replaced by what they guarantee to the model; jobs and
 * timers are executed by the test. The delegates themselves run for real in {@link EngagementFlowTest}.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "processes/engagement.bpmn")
class EngagementProcessTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String NUMBER = "INC-000042";

    // The plan each test sets up: stage number -> its targets; stages not listed in stopsOnAck stop on it.
    private final Map<Integer, List<String>> targets = new HashMap<>();
    private final Map<Integer, Boolean> stopsOnAck = new HashMap<>();
    private final Set<Integer> acknowledgedBeforeStage = new HashSet<>();
    private int rounds = 1;
    private boolean engage = true;
    private boolean acknowledgedAtStart;
    /** "round/stage/contact/channel" for each notification sent. */
    private final List<String> notified = new ArrayList<>();
    private final Set<String> failingContacts = new HashSet<>();

    private final JavaDelegate loadEngagementPlan = mock(JavaDelegate.class);
    private final JavaDelegate resolveStageTargets = mock(JavaDelegate.class);
    private final JavaDelegate lookUpEngagementPlan = mock(JavaDelegate.class);
    private final JavaDelegate notifyContact = mock(JavaDelegate.class);
    private final JavaDelegate postOpening = mock(JavaDelegate.class);
    private final JavaDelegate postEscalation = mock(JavaDelegate.class);
    private final JavaDelegate postAcknowledgement = mock(JavaDelegate.class);
    private final JavaDelegate postResolution = mock(JavaDelegate.class);
    private final JavaDelegate recordNobodyAcknowledged = mock(JavaDelegate.class);

    @BeforeEach
    void setUp(ProcessEngine processEngine) throws Exception {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        doAnswer(call -> actAsLoadPlan(call.getArgument(0))).when(loadEngagementPlan).execute(any());
        doAnswer(call -> actAsResolveTargets(call.getArgument(0))).when(resolveStageTargets).execute(any());
        doAnswer(call -> actAsLookUpPlan(call.getArgument(0))).when(lookUpEngagementPlan).execute(any());
        doAnswer(call -> actAsNotify(call.getArgument(0))).when(notifyContact).execute(any());
        Mocks.register("loadEngagementPlanDelegate", loadEngagementPlan);
        Mocks.register("resolveStageTargetsDelegate", resolveStageTargets);
        Mocks.register("lookUpEngagementPlanDelegate", lookUpEngagementPlan);
        Mocks.register("notifyContactDelegate", notifyContact);
        Mocks.register("postOpeningDelegate", postOpening);
        Mocks.register("postEscalationDelegate", postEscalation);
        Mocks.register("postAcknowledgementDelegate", postAcknowledgement);
        Mocks.register("postResolutionDelegate", postResolution);
        Mocks.register("recordNobodyAcknowledgedDelegate", recordNobodyAcknowledged);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        reset();
    }

    @Test
    void incidentWithNothingToEngageEndsAtOnce() {
        engage = false;

        ProcessInstance engagement = start();

        assertThat(engagement).isEnded().hasPassed("EndEvent_NothingToEngage").hasNotPassed("Task_PostOpening");
    }

    @Test
    void planWithOnlyChatChannelsPostsOpeningAndResolution() throws Exception {
        ProcessInstance engagement = start();
        execute(job("Task_PostOpening"));

        assertThat(engagement).hasPassed("EndEvent_NothingToEscalate").isWaitingAt("CatchEvent_IncidentResolved");
        resolve();
        execute(job("Task_PostResolution"));

        assertThat(engagement).isEnded().hasPassedInOrder("Task_PostOpening", "CatchEvent_IncidentResolved",
                "Task_PostResolution", "EndEvent_EngagementEnded");
        verify(postOpening).execute(any());
        verify(postResolution).execute(any());
        verifyNoInteractions(resolveStageTargets);
    }

    @Test
    void stageOneNotifiesEachTargetThroughTheirChannelsAtTheirMinutes() throws Exception {
        targets.put(1, List.of("hanako", "taro"));
        ProcessInstance engagement = startFirstStage();

        List<Job> timers = jobQuery().activityId("TimerEvent_ChannelMinuteReached").list();
        assertThat(timers).extracting(Job::getDuedate).extracting(Date::toInstant)
                .containsExactlyInAnyOrder(NOW, NOW.plus(Duration.ofMinutes(2)), NOW, NOW.plus(Duration.ofMinutes(2)));
        sendAllDue();

        assertThat(notified).containsExactlyInAnyOrder("1/1/hanako/11", "1/1/hanako/12", "1/1/taro/11", "1/1/taro/12");
        assertThat(engagement).isWaitingAt("Gateway_WaitForAcknowledgement").hasPassed("EndEvent_StageNotified")
                .hasNotPassed("Task_PostEscalation");
        assertThat(job("TimerEvent_StageTimeUp").getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void stageOneNotAcknowledgedEngagesStageTwo() throws Exception {
        targets.put(1, List.of("hanako"));
        targets.put(2, List.of("yamada"));
        ProcessInstance engagement = startFirstStage();
        sendAllDue();

        execute(job("TimerEvent_StageTimeUp"));
        execute(job("Task_PostEscalation"));
        sendAllDue();

        assertThat(notified).containsExactly("1/1/hanako/11", "1/1/hanako/12", "1/2/yamada/11", "1/2/yamada/12");
        assertThat(engagement).hasPassed("EndEvent_StageTimeUp", "Task_PostEscalation")
                .isWaitingAt("Gateway_WaitForAcknowledgement");
        verify(postEscalation).execute(any());
    }

    @Test
    void acknowledgedInStageOneNeverNotifiesStageTwo() throws Exception {
        targets.put(1, List.of("hanako"));
        targets.put(2, List.of("yamada"));
        ProcessInstance engagement = startFirstStage();
        execute(jobQuery().activityId("TimerEvent_ChannelMinuteReached").duedateLowerThan(Date.from(NOW.plusSeconds(1)))
                .singleResult());
        execute(job("Task_NotifyContact"));

        acknowledge();
        execute(job("Task_PostAcknowledgement"));

        assertThat(engagement).hasPassedInOrder("CatchEvent_IncidentAcknowledged", "Task_PostAcknowledgement",
                "EndEvent_PlanAcknowledged", "BoundaryEvent_Acknowledged", "EndEvent_Acknowledged")
                .isWaitingAt("CatchEvent_IncidentResolved");
        assertThat(jobQuery().activityId("TimerEvent_ChannelMinuteReached").count())
                .as("the SMS still waiting for its minute is not sent").isZero();
        assertThat(jobQuery().activityId("TimerEvent_StageTimeUp").count()).isZero();
        assertThat(notified).containsExactly("1/1/hanako/11");
        verifyNoInteractions(postEscalation, recordNobodyAcknowledged);
    }

    @Test
    void acknowledgementThatDoesNotStopThePlanLetsTheStagesRunOn() throws Exception {
        targets.put(1, List.of("hanako"));
        targets.put(2, List.of("manager"));
        stopsOnAck.put(1, false);
        stopsOnAck.put(2, false);
        ProcessInstance engagement = startFirstStage();

        acknowledge();
        execute(job("Task_PostAcknowledgement"));
        assertThat(engagement).isWaitingAt("TimerEvent_RestOfStage").hasNotPassed("EndEvent_PlanAcknowledged");
        execute(job("TimerEvent_RestOfStage"));
        execute(job("Task_PostEscalation"));
        sendAllDue();
        execute(job("TimerEvent_StageTimeUp"));

        assertThat(notified).contains("1/2/manager/11");
        assertThat(engagement).hasPassed("EndEvent_StageOverAfterAcknowledgement", "EndEvent_AcknowledgedDuringPlan")
                .hasNotPassed("Task_RecordNobodyAcknowledged").isWaitingAt("CatchEvent_IncidentResolved");
    }

    @Test
    void exhaustedPlanRepeatsThenTellsTheIncidentManagers() throws Exception {
        targets.put(1, List.of("hanako"));
        rounds = 2;
        ProcessInstance engagement = startFirstStage();
        sendAllDue();
        execute(job("TimerEvent_StageTimeUp"));
        execute(job("Task_PostEscalation"));
        sendAllDue();
        execute(job("TimerEvent_StageTimeUp"));

        assertThat(notified).containsExactly("1/1/hanako/11", "1/1/hanako/12", "2/1/hanako/11", "2/1/hanako/12");
        assertThat(engagement).hasPassed("Task_RecordNobodyAcknowledged").isWaitingAt("Task_FindResponder");
        assertThat(task(engagement)).hasCandidateGroup("incident-managers");
        verify(recordNobodyAcknowledged).execute(any());
        verify(postEscalation, times(1)).execute(any());

        complete(task(engagement), withVariables("responderNote", "電話で鈴木さんに依頼"));
        assertThat(engagement).hasPassed("EndEvent_ResponderFound").isWaitingAt("CatchEvent_IncidentResolved");
    }

    @Test
    void acknowledgementBeforeAStageBeganEndsThePlanWithoutNotifying() throws Exception {
        targets.put(1, List.of("hanako"));
        acknowledgedBeforeStage.add(1);

        ProcessInstance engagement = startFirstStage();

        assertThat(engagement).hasPassed("EndEvent_AlreadyAcknowledged", "EndEvent_Acknowledged")
                .hasNotPassed("SubProcess_NotifyContact").isWaitingAt("CatchEvent_IncidentResolved");
        assertThat(notified).isEmpty();
    }

    @Test
    void incidentAcknowledgedBeforeTheEngagementStartedIsNotEscalated() throws Exception {
        targets.put(1, List.of("hanako"));
        acknowledgedAtStart = true;
        ProcessInstance engagement = start();
        execute(job("Task_PostOpening"));

        assertThat(engagement).hasPassed("EndEvent_NothingToEscalate").isWaitingAt("CatchEvent_IncidentResolved");
        verifyNoInteractions(resolveStageTargets);
    }

    @Test
    void deliveryGivenUpKeepsTheEngagementGoing() throws Exception {
        targets.put(1, List.of("hanako", "taro"));
        failingContacts.add("hanako");
        ProcessInstance engagement = startFirstStage();
        sendAllDue();

        assertThat(engagement).hasPassed("BoundaryEvent_DeliveryFailed", "EndEvent_DeliveryGivenUp")
                .isWaitingAt("Gateway_WaitForAcknowledgement");
        assertThat(notified).containsExactlyInAnyOrder("1/1/taro/11", "1/1/taro/12");
    }

    @Test
    void resolutionWhileEngagingStopsEveryNotification() throws Exception {
        targets.put(1, List.of("hanako"));
        ProcessInstance engagement = startFirstStage();

        resolve();
        execute(job("Task_PostResolution"));

        assertThat(engagement).isEnded().hasPassed("BoundaryEvent_IncidentResolved", "Task_PostResolution")
                .hasNotPassed("Task_RecordNobodyAcknowledged");
        assertThat(jobQuery().count()).isZero();
        verify(notifyContact, never()).execute(any());
    }

    // --- driving the engagement ------------------------------------------------------------------------

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("engagement", NUMBER,
                withVariables("incidentId", 42L, "incidentNumber", NUMBER, "responsePlan", "db-critical"));
    }

    private ProcessInstance startFirstStage() {
        ProcessInstance engagement = start();
        execute(job("Task_PostOpening"));
        return engagement;
    }

    /** Fires every channel timer that is due now and sends what they release. */
    private void sendAllDue() {
        for (Job timer : jobQuery().activityId("TimerEvent_ChannelMinuteReached").list()) {
            execute(timer);
        }
        for (Job send : jobQuery().activityId("Task_NotifyContact").list()) {
            execute(send);
        }
    }

    private static Job job(String activityId) {
        return jobQuery().activityId(activityId).singleResult();
    }

    /** As IncidentService.acknowledge does it. */
    private static void acknowledge() {
        runtimeService().createMessageCorrelation("IncidentAcknowledged").processInstanceBusinessKey(NUMBER)
                .setVariable("acknowledged", true).correlateAllWithResult();
    }

    /** As the incident process does it after recording the resolution. */
    private static void resolve() {
        runtimeService().signalEventReceived("IncidentResolved-" + NUMBER);
    }

    // --- what the delegates guarantee to the model -----------------------------------------------------

    private Void actAsLoadPlan(DelegateExecution execution) {
        int stageCount = targets.size();
        execution.setVariable("stageCount", stageCount);
        execution.setVariable("rounds", stageCount == 0 ? 0 : rounds);
        execution.setVariable("engage", engage);
        execution.setVariable("escalate", stageCount > 0 && !acknowledgedAtStart);
        execution.setVariable("acknowledged", acknowledgedAtStart);
        execution.setVariable("round", 0);
        return null;
    }

    private Void actAsResolveTargets(DelegateExecution execution) {
        int stage = (Integer) execution.getVariable("loopCounter") + 1;
        int round = (Integer) execution.getVariable("round") + (stage == 1 ? 1 : 0);
        execution.getProcessInstance().setVariable("round", round);
        execution.setVariableLocal("stage", stage);
        execution.setVariableLocal("targets", new ArrayList<>(targets.get(stage)));
        execution.setVariableLocal("stageEndsAt", Date.from(ClockUtil.getCurrentTime().toInstant()
                .plus(Duration.ofMinutes(5))));
        execution.setVariableLocal("ackStopsPlan", stopsOnAck.getOrDefault(stage, true));
        execution.setVariableLocal("alreadyAcknowledged", acknowledgedBeforeStage.contains(stage));
        execution.setVariableLocal("escalating", round > 1 || stage > 1);
        return null;
    }

    /** Everyone has e-mail (channel 11) at 0 and SMS (12) at 2 minutes. */
    private Void actAsLookUpPlan(DelegateExecution execution) {
        List<Map<String, Object>> channels = new ArrayList<>();
        channels.add(channel(11L, 0));
        channels.add(channel(12L, 2));
        execution.setVariableLocal("channels", channels);
        return null;
    }

    private static Map<String, Object> channel(long channelId, int afterMinutes) {
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("channelId", channelId);
        channel.put("afterMinutes", afterMinutes);
        return channel;
    }

    private Void actAsNotify(DelegateExecution execution) {
        String contact = (String) execution.getVariable("contactId");
        if (failingContacts.contains(contact)) {
            throw new BpmnError(NotifyContactDelegate.DELIVERY_FAILED, "HTTP 503 for " + contact);
        }
        Map<?, ?> channel = (Map<?, ?>) execution.getVariable("channel");
        notified.add(execution.getVariable("round") + "/" + execution.getVariable("stage") + "/" + contact + "/"
                + ((Number) channel.get("channelId")).longValue());
        return null;
    }
}
