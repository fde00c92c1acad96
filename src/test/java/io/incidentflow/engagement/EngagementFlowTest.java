package io.incidentflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.engagement.EscalationPlan.Stage;
import io.incidentflow.engagement.EscalationPlan.Target;
import io.incidentflow.engagement.ResponsePlan.ChatChannel;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.notification.DeliveryStatus;
import io.incidentflow.notification.NotificationDelivery;
import io.incidentflow.notification.NotificationService;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The escalation for real: the application's delegates, database and notifiers; contacts reached through webhooks
 * on a local server. The test profile turns the job executor off, so each timer and job is run by the test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EngagementFlowTest {

    private static ChatServer chat;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    IncidentService incidents;
    @Autowired
    EscalationPlanService escalationPlans;
    @Autowired
    ResponsePlanService responsePlans;
    @Autowired
    NotificationService notifications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @BeforeAll
    static void startChat() throws Exception {
        chat = new ChatServer();
    }

    @AfterAll
    static void stopChat() {
        chat.close();
    }

    @BeforeEach
    void twoStagePlanWithAChatRoom() {
        chat.posts.clear();
        jdbc.sql("UPDATE integration SET response_plan = NULL").update();
        jdbc.sql("DELETE FROM response_plan_chat").update();
        jdbc.sql("DELETE FROM response_plan_contact").update();
        jdbc.sql("DELETE FROM response_plan").update();
        jdbc.sql("DELETE FROM escalation_target").update();
        jdbc.sql("DELETE FROM escalation_stage").update();
        jdbc.sql("DELETE FROM escalation_plan").update();
        jdbc.sql("DELETE FROM contact").update();
        contact("hanako", "/hanako");
        contact("yamada", "/yamada");
        contact("ops-room", "/ops-room");
        escalationPlans.create(new EscalationPlan("db-critical", "DB 障害", 0, List.of(
                new Stage(5, true, List.of(new Target("hanako", null))),
                new Stage(10, true, List.of(new Target("yamada", null))))), "test");
        responsePlans.create(new ResponsePlan("db-critical", "DB 障害", 2, "本番 DB の障害", null,
                List.of(new ChatChannel("ops-room", null, null, null, null)), "db-critical", List.of(), null), "test");
    }

    /** Other tests of this application context read the delivery log of their own incidents. */
    @AfterEach
    void forgetDeliveries() {
        jdbc.sql("DELETE FROM notification_delivery").update();
    }

    @Test
    void unacknowledgedStageOneEngagesStageTwoUntilAcknowledgedOverRest() throws Exception {
        Incident incident = open();
        ProcessInstance engagement = engagementOf(incident);

        run(engagement, "Task_PostOpening");
        sendDue(engagement);
        assertThat(chat.eventsAt("/ops-room")).containsExactly("incident.opened");
        assertThat(chat.eventsAt("/hanako")).containsExactly("incident.opened");
        assertThat(chat.eventsAt("/yamada")).isEmpty();

        run(engagement, "TimerEvent_StageTimeUp");
        run(engagement, "Task_PostEscalation");
        sendDue(engagement);
        assertThat(chat.eventsAt("/yamada")).containsExactly("incident.escalated");
        assertThat(chat.eventsAt("/ops-room")).containsExactly("incident.opened", "incident.escalated");

        mvc.perform(post("/api/incidents/" + incident.number() + "/acknowledge")
                        .with(httpBasic("db-user", "db-user-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledgedBy").value("db-user"));
        run(engagement, "Task_PostAcknowledgement");

        assertThat(chat.eventsAt("/ops-room")).last().isEqualTo("incident.acknowledged");
        assertThat(passed(engagement)).contains("CatchEvent_IncidentAcknowledged", "EndEvent_PlanAcknowledged");
        assertThat(waitingAt(engagement)).containsExactly("CatchEvent_IncidentResolved");
        JsonNode view = json.readTree(mvc.perform(get("/api/incidents/" + incident.number() + "/engagement")
                .with(httpBasic("auditor-user", "auditor-user-password")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(view.path("escalationPlan").asText()).isEqualTo("db-critical");
        assertThat(view.path("lastStage").asInt()).isEqualTo(2);
        assertThat(view.path("acknowledgedBy").asText()).isEqualTo("db-user");
        assertThat(Duration.parse(view.path("timeToAcknowledge").asText())).isPositive();
        assertThat(view.has("nobodyAcknowledgedAt")).isFalse();
    }

    @Test
    void acknowledgedInStageOneStageTwoIsNeverNotified() throws Exception {
        Incident incident = open();
        ProcessInstance engagement = engagementOf(incident);
        run(engagement, "Task_PostOpening");
        sendDue(engagement);

        incidents.acknowledge(incident.id(), "hanako");
        run(engagement, "Task_PostAcknowledgement");

        assertThat(jobs(engagement)).as("the stage's timer is gone with it").isEmpty();
        assertThat(chat.eventsAt("/yamada")).isEmpty();
        assertThat(incidents.findById(incident.id()).orElseThrow().acknowledgedBy()).isEqualTo("hanako");
    }

    @Test
    void acknowledgedInAStageThatDoesNotStopTheNextStageThatStopsEndsThePlanUnnotified() {
        escalationPlans.replace("db-critical", new EscalationPlan(null, null, 0, List.of(
                new Stage(5, false, List.of(new Target("hanako", null))),
                new Stage(10, true, List.of(new Target("yamada", null))))), "test");
        Incident incident = open();
        ProcessInstance engagement = engagementOf(incident);
        run(engagement, "Task_PostOpening");

        incidents.acknowledge(incident.id(), "hanako");
        run(engagement, "Task_PostAcknowledgement");
        run(engagement, "TimerEvent_RestOfStage");

        assertThat(passed(engagement)).contains("EndEvent_AlreadyAcknowledged", "EndEvent_Acknowledged");
        assertThat(waitingAt(engagement)).containsExactly("CatchEvent_IncidentResolved");
        assertThat(chat.eventsAt("/yamada")).isEmpty();
    }

    @Test
    void onlyTheFirstAcknowledgementCounts() {
        Incident incident = open();

        incidents.acknowledge(incident.id(), "hanako");
        OffsetDateTime first = incidents.findById(incident.id()).orElseThrow().acknowledgedAt();
        incidents.acknowledge(incident.id(), "yamada");

        Incident after = incidents.findById(incident.id()).orElseThrow();
        assertThat(after.acknowledgedBy()).isEqualTo("hanako");
        assertThat(after.acknowledgedAt()).isEqualTo(first);
    }

    @Test
    void exhaustedPlanTellsTheIncidentManagersAndTheIncidentShowsNobodyAcknowledged() throws Exception {
        Incident incident = open();
        ProcessInstance engagement = engagementOf(incident);
        run(engagement, "Task_PostOpening");
        sendDue(engagement);
        run(engagement, "TimerEvent_StageTimeUp");
        run(engagement, "Task_PostEscalation");
        sendDue(engagement);
        run(engagement, "TimerEvent_StageTimeUp");

        assertThat(waitingAt(engagement)).containsExactly("Task_FindResponder");
        assertThat(taskService.createTaskQuery().processInstanceId(engagement.getId())
                .taskCandidateGroup("incident-managers").count()).isOne();
        mvc.perform(get("/api/incidents/" + incident.number() + "/engagement")
                        .with(httpBasic("manager-user", "manager-user-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nobodyAcknowledgedAt").isNotEmpty())
                .andExpect(jsonPath("$.acknowledgedAt").doesNotExist());

        // The manager takes the task in Tasklist: that is an acknowledgement too.
        String task = taskService.createTaskQuery().processInstanceId(engagement.getId()).singleResult().getId();
        taskService.claim(task, "manager-user");
        assertThat(incidents.findById(incident.id()).orElseThrow().acknowledgedBy()).isEqualTo("manager-user");
    }

    @Test
    void failingChannelIsRetriedThenRecordedWithoutBreakingTheIncident() {
        chat.fail("/hanako", 503);
        Incident incident = open();
        ProcessInstance engagement = engagementOf(incident);
        run(engagement, "Task_PostOpening");
        run(engagement, "TimerEvent_ChannelMinuteReached");

        Job send = job(engagement, "Task_NotifyContact");
        assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("503");
        assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("503");
        assertThat(job(engagement, "Task_NotifyContact").getRetries()).as("retried with back-off").isOne();
        managementService.executeJob(send.getId());

        List<NotificationDelivery> log = notifications.deliveriesFor(incident.number()).stream()
                .filter(delivery -> "hanako".equals(delivery.contactId())).toList();
        assertThat(log).extracting(NotificationDelivery::attempt, NotificationDelivery::result)
                .containsExactly(tuple(1, DeliveryStatus.FAILED), tuple(2, DeliveryStatus.FAILED),
                        tuple(3, DeliveryStatus.FAILED));
        assertThat(passed(engagement)).contains("BoundaryEvent_DeliveryFailed", "EndEvent_DeliveryGivenUp");
        assertThat(waitingAt(engagement)).contains("Gateway_WaitForAcknowledgement");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(engagement.getId()).count())
                .as("no engine incident").isZero();
        assertThat(waitingAt(runtimeService.createProcessInstanceQuery()
                .processInstanceId(incident.processInstanceId()).singleResult())).contains("Task_CoordinateMajorIncident");
    }

    @Test
    void eventsApiAcknowledgeFromAnIntegrationWithTheResponsePlanReachesTheEngagement() throws Exception {
        JsonNode created = json.readTree(mvc.perform(post("/api/integrations")
                        .with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "pagerduty-db", "type": "EVENTS_V2", "category": "database", "service": "db01",
                                 "urgency": 1, "responsePlan": "db-critical"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String key = created.path("key").asText();
        event(key, "trigger", ", \"payload\": {\"summary\": \"レプリケーション停止\", \"source\": \"db01\", \"severity\": \"error\"}");
        Incident incident = await().atMost(Duration.ofSeconds(30)).until(() -> incidentWithEngagement("pagerduty-db"),
                found -> found != null);
        assertThat(incident.impact()).as("the integration has none, the response plan's applies").isEqualTo(2);
        ProcessInstance engagement = engagementOf(incident);
        run(engagement, "Task_PostOpening");

        event(key, "acknowledge", "");

        await().atMost(Duration.ofSeconds(30)).until(() -> passed(engagement).contains("CatchEvent_IncidentAcknowledged"));
        assertThat(incidents.findById(incident.id()).orElseThrow().acknowledgedBy()).isEqualTo("pagerduty-db");
    }

    @Test
    void integrationNamingAMissingResponsePlanIsRefused() throws Exception {
        mvc.perform(post("/api/integrations").with(httpBasic("admin", "test-admin-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"no-plan\", \"type\": \"GENERIC\", \"responsePlan\": \"nope\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("responsePlan"));
    }

    // --- helpers ----------------------------------------------------------------------------------------

    static RequestPostProcessor httpBasic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request -> {
            request.addHeader("Authorization", "Basic " + token);
            return request;
        };
    }

    private Incident open() {
        return incidents.open(new NewIncident("DB 応答なし", "db01 が応答しません", "db01", "database", 2, 1, null,
                "test", null), Map.of("responsePlan", "db-critical"));
    }

    private Incident incidentWithEngagement(String reporter) {
        return jdbc.sql("SELECT id FROM incident WHERE reporter = :reporter").param("reporter", reporter)
                .query(Long.class).optional().flatMap(incidents::findById)
                .filter(found -> runtimeService.createProcessInstanceQuery()
                        .superProcessInstanceId(found.processInstanceId()).count() == 1)
                .orElse(null);
    }

    private void event(String key, String action, String payload) throws Exception {
        mvc.perform(post("/v2/enqueue").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"routing_key\": \"" + key + "\", \"event_action\": \"" + action
                                + "\", \"dedup_key\": \"repl-db01\"" + payload + "}"))
                .andExpect(status().isAccepted());
    }

    private void contact(String id, String path) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                INSERT INTO contact (id, display_name, locale, time_zone, created_at, updated_at)
                VALUES (:id, :id, 'ja', 'Asia/Tokyo', :now, :now)""").param("id", id).param("now", now).update();
        jdbc.sql("""
                INSERT INTO contact_channel (contact_id, channel_type, address, activated, activated_at, created_at)
                VALUES (:id, 'WEBHOOK', :url, TRUE, :now, :now)""")
                .param("id", id).param("url", chat.url(path)).param("now", now).update();
        long channel = jdbc.sql("SELECT id FROM contact_channel WHERE contact_id = :id").param("id", id)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO engagement_stage (contact_id, stage_no, channel_id, after_minutes) VALUES (:id, 0, :ch, 0)")
                .param("id", id).param("ch", channel).update();
    }

    private ProcessInstance engagementOf(Incident incident) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(incident.processInstanceId())
                .singleResult();
    }

    private List<Job> jobs(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).list();
    }

    private Job job(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    /** Runs every job of the activity once, as the job executor would when they are due. */
    private void run(ProcessInstance instance, String activityId) {
        List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(activityId).list();
        assertThat(due).as("jobs at " + activityId).isNotEmpty();
        due.forEach(job -> managementService.executeJob(job.getId()));
    }

    private void sendDue(ProcessInstance instance) {
        run(instance, "TimerEvent_ChannelMinuteReached");
        run(instance, "Task_NotifyContact");
    }

    private List<String> waitingAt(ProcessInstance instance) {
        return runtimeService.getActiveActivityIds(instance.getId());
    }

    private List<String> passed(ProcessInstance instance) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished()
                .list().stream().map(activity -> activity.getActivityId()).toList();
    }
}
