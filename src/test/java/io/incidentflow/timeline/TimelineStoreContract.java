package io.incidentflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.incident.IncidentAcknowledged;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The timeline's own SQL, run unchanged against H2 and PostgreSQL (see the subclasses), the engine mocked. */
abstract class TimelineStoreContract {

    static final OffsetDateTime REGISTERED = OffsetDateTime.parse("2026-11-30T23:30:00Z");

    abstract DataSource dataSource();

    JdbcClient jdbc;
    IdentityService identity;
    SimpleMeterRegistry registry;
    IncidentMetrics metrics;
    IncidentEventRecorder recorder;
    long incidentId;
    long integrationId;

    @BeforeEach
    void oneIncidentAndOneIntegration() {
        jdbc = JdbcClient.create(dataSource());
        for (String table : List.of("incident_event", "alert", "alert_group", "integration", "incident")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        incidentId = insertIncident("INC-000101", REGISTERED);
        jdbc.sql("""
                INSERT INTO integration (name, type, key_hash, key_hint, created_at, updated_at)
                VALUES ('監視 prometheus', 'GENERIC', 'hash', 'abcd', :now, :now)""")
                .param("now", REGISTERED).update();
        integrationId = jdbc.sql("SELECT id FROM integration").query(Long.class).single();
        identity = mock(IdentityService.class);
        registry = new SimpleMeterRegistry();
        metrics = new IncidentMetrics(jdbc, registry);
        recorder = new IncidentEventRecorder(jdbc, identity, metrics);
    }

    @Test
    void stepsAreRecordedWithTheirUserAndReadBackInOrder() {
        step("Task_RegisterIncident", "Register incident", "${registerIncidentDelegate}", "hanako");
        setStatus("ESCALATED");
        step("Task_EscalateToResolverGroup", "Escalate to resolver group", "${escalateToResolverGroupDelegate}", null);

        List<TimelineEntry> entries = new StateChangeEntries(jdbc).entriesFor(incident());

        assertThat(entries).extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::text).containsExactly(
                tuple("state", "hanako", "Register incident → NEW"),
                tuple("escalation", null, "Escalate to resolver group → ESCALATED"));
        assertThat(entries.get(1).details()).containsEntry("previousStatus", "NEW")
                .containsEntry("activity", "Task_EscalateToResolverGroup");
    }

    @Test
    void anIncidentWithoutRecordedStepsGetsItsChangesFromItsColumns() {
        jdbc.sql("UPDATE incident SET status = 'CLOSED', closed_at = :at, closed_by = 'taro' WHERE id = :id")
                .param("at", REGISTERED.plusHours(2)).param("id", incidentId).update();

        List<TimelineEntry> entries = new StateChangeEntries(jdbc).entriesFor(incident());

        assertThat(entries).extracting(TimelineEntry::text, TimelineEntry::actor)
                .contains(tuple("Closed → CLOSED", "taro"));
    }

    @Test
    void alertsAreListedAndDuplicatesCountedPerKey() {
        alert("NEW", "FIRING", "e1", 0);
        alert("DUPLICATE", "FIRING", "e2", 1);
        alert("DUPLICATE", "FIRING", "e3", 2);
        alert("RESOLVED", "RESOLVED", "e4", 3);

        List<TimelineEntry> entries = new AlertEntries(jdbc, new ObjectMapper()).entriesFor(incident());

        assertThat(entries).extracting(TimelineEntry::text).containsExactlyInAnyOrder(
                "Alert received: ディスク容量不足 db01", "Alert resolved at the source: ディスク容量不足 db01",
                "Alert de-duplicated 2 times: disk/db01");
        TimelineEntry received = entries.stream().filter(e -> e.text().startsWith("Alert received")).findFirst()
                .orElseThrow();
        assertThat(received.actor()).isEqualTo("監視 prometheus");
        assertThat(received.details()).containsEntry("labels", Map.of("担当", "DBA"));
        TimelineEntry duplicates = entries.stream().filter(e -> e.text().startsWith("Alert de-duplicated"))
                .findFirst().orElseThrow();
        assertThat(duplicates.details()).containsEntry("duplicates", 2L);
        assertThat(duplicates.at()).isEqualTo(REGISTERED.plusMinutes(1));
    }

    @Test
    void exportTakesTheIncidentsRegisteredInThePeriodOldestFirst() {
        insertIncident("INC-000102", REGISTERED.plusHours(1));
        insertIncident("INC-000103", REGISTERED.plusDays(1));
        IncidentExport export = new IncidentExport(jdbc, null, null, new ObjectMapper());

        List<String> november = export.numbers(Period.parse("2026-11-01", "2026-12-01", "UTC"));
        List<String> tokyoDecember = export.numbers(Period.parse("2026-12-01", "2026-12-02", "Asia/Tokyo"));

        assertThat(november).containsExactly("INC-000101");
        assertThat(tokyoDecember).as("November 30, 23:30 UTC is already December 1 in Tokyo")
                .containsExactly("INC-000101", "INC-000102");
    }

    @Test
    void classificationAndResolutionAreCountedPerPriorityWithTheTimeToResolve() {
        jdbc.sql("UPDATE incident SET priority = 2, status = 'RESOLVED', resolved_at = :at WHERE id = :id")
                .param("at", REGISTERED.plusMinutes(90)).param("id", incidentId).update();

        metrics.stepDone(incidentId, serviceTask("Task_RecordClassification", "${recordClassificationDelegate}"),
                "IN_PROGRESS");
        metrics.stepDone(incidentId, serviceTask("Task_RecordResolution", "${recordResolutionDelegate}"), "RESOLVED");

        assertThat(registry.get("incidentflow.incidents.opened").tag("priority", "P2").counter().count()).isEqualTo(1);
        assertThat(registry.get("incidentflow.incidents.resolved").tag("priority", "P2").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("incidentflow.incidents.time.to.resolve").timer()
                .totalTime(TimeUnit.MINUTES)).isEqualTo(90);
    }

    @Test
    void theFirstAcknowledgementIsTimedFromRegistration() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        jdbc.sql("UPDATE incident SET acknowledged_at = :at, acknowledged_by = 'hanako' WHERE id = :id")
                .param("at", REGISTERED.plusMinutes(4)).param("id", incidentId).update();

        transaction.executeWithoutResult(status -> metrics.onAcknowledged(new IncidentAcknowledged(incidentId)));

        assertThat(registry.get("incidentflow.incidents.time.to.acknowledge").timer().count()).isEqualTo(1);
        assertThat(registry.get("incidentflow.incidents.time.to.acknowledge").timer().totalTime(TimeUnit.MINUTES))
                .isEqualTo(4);
    }

    private void step(String id, String name, String delegate, String user) {
        DelegateExecution execution = mock(DelegateExecution.class);
        ServiceTask task = serviceTask(id, delegate);
        when(task.getName()).thenReturn(name);
        when(execution.getBpmnModelElementInstance()).thenReturn(task);
        when(execution.getVariable("incidentId")).thenReturn(incidentId);
        when(execution.getProcessInstanceId()).thenReturn("process-1");
        when(identity.getCurrentAuthentication()).thenReturn(user == null ? null : new Authentication(user, List.of()));
        recorder.onActivityEnd(execution);
    }

    private static ServiceTask serviceTask(String id, String delegate) {
        ServiceTask task = mock(ServiceTask.class);
        when(task.getId()).thenReturn(id);
        when(task.getCamundaDelegateExpression()).thenReturn(delegate);
        return task;
    }

    private void setStatus(String status) {
        jdbc.sql("UPDATE incident SET status = :s WHERE id = :id").param("s", status).param("id", incidentId).update();
    }

    private long insertIncident(String number, OffsetDateTime registeredAt) {
        jdbc.sql("""
                INSERT INTO incident (number, title, status, source, registered_at, updated_at)
                VALUES (:number, 'ディスク容量不足 db01', 'NEW', 'api', :at, :at)""")
                .param("number", number).param("at", registeredAt).update();
        return jdbc.sql("SELECT id FROM incident WHERE number = :n").param("n", number).query(Long.class).single();
    }

    private void alert(String outcome, String status, String eventId, int minutes) {
        jdbc.sql("""
                INSERT INTO alert (integration_id, dedup_key, event_id, status, summary, labels, received_at,
                                   incident_id, outcome)
                VALUES (:integration, 'disk/db01', :event, :status, 'ディスク容量不足 db01', '{"担当":"DBA"}', :at,
                        :incident, :outcome)""")
                .param("integration", integrationId).param("event", eventId).param("status", status)
                .param("at", REGISTERED.plusMinutes(minutes)).param("incident", incidentId).param("outcome", outcome)
                .update();
    }

    private Incident incident() {
        Map<String, Object> row = jdbc.sql("SELECT number, status, closed_at, closed_by FROM incident WHERE id = :id")
                .param("id", incidentId).query().singleRow();
        OffsetDateTime closedAt = row.get("closed_at") == null ? null
                : jdbc.sql("SELECT closed_at FROM incident WHERE id = :id").param("id", incidentId)
                        .query(OffsetDateTime.class).single();
        return new Incident(incidentId, "INC-000101", "ディスク容量不足 db01", null,
                IncidentStatus.valueOf((String) row.get("status")), null, null, null, null,
                null, null, null, null, null, "api", null, null, REGISTERED, REGISTERED, null, null, null, null, null,
                closedAt, (String) row.get("closed_by"), null, null, false, false, null, null, null, null, null, 0,
                null, REGISTERED);
    }
}
