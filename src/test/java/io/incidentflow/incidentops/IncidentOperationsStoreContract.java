package io.incidentflow.incidentops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.incidentflow.audit.AuditLog;
import io.incidentflow.incident.ClosureCode;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentClosed;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentValidationException;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.incident.StoredIncidents;
import io.incidentflow.support.ScriptedHistory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merge, split, links and comments on the incident tables, run unchanged against H2 and PostgreSQL. The engine is
 * mocked (the application test covers the process side); opening the split-off incident writes its row directly.
 */
abstract class IncidentOperationsStoreContract {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    abstract DataSource dataSource();

    JdbcClient jdbc;
    ScriptedHistory history;
    IncidentService incidents;
    AuditLog audit;
    ApplicationEventPublisher events;
    MergedProcessEnder processes;
    IncidentOperations operations;
    long integration;

    @BeforeEach
    void cleanDatabase() {
        jdbc = JdbcClient.create(dataSource());
        history = new ScriptedHistory(jdbc);
        history.clear();
        jdbc.sql("DELETE FROM integration").update();
        integration = history.integration("zabbix");
        incidents = spy(StoredIncidents.service(jdbc));
        doAnswer(call -> {
            NewIncident request = call.getArgument(0);
            long id = history.incident(request.title(), 3, request.category(), request.detectedAt(), T0.plusHours(3));
            return incidents.findById(id).orElseThrow();
        }).when(incidents).open(any(), anyMap());
        audit = mock(AuditLog.class);
        events = mock(ApplicationEventPublisher.class);
        processes = mock(MergedProcessEnder.class);
        operations = new IncidentOperations(incidents, StoredIncidents.comments(jdbc, incidents),
                new IncidentOperationsRepository(jdbc), processes, audit, events, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void bothTimelinesOfAMergeShowTheLinkWithWhoAndWhen() {
        long survivor = incidentWithEvidence("web01 down", "web01", 2, 1);
        long duplicate = incidentWithEvidence("web01 ping lost", "web01-ping", 3, 2);
        operations.merge(number(duplicate), number(survivor), "desk", List.of());
        LinkEntries links = new LinkEntries(new IncidentOperationsRepository(jdbc));

        assertThat(links.entriesFor(incidents.findById(survivor).orElseThrow())).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("link");
            assertThat(entry.actor()).isEqualTo("desk");
            assertThat(entry.text()).isEqualTo(number(duplicate) + " is duplicate of this incident");
        });
        assertThat(links.entriesFor(incidents.findById(duplicate).orElseThrow())).singleElement()
                .satisfies(entry -> assertThat(entry.text()).isEqualTo("This incident is duplicate of " + number(survivor)));
    }

    @Test
    void mergeMovesEveryAlertCommentAndDedupGroupToTheSurvivor() {
        long survivor = incidentWithEvidence("web01 down", "web01", 2, 1);
        long duplicate = incidentWithEvidence("web01 ping lost", "web01-ping", 3, 2);
        int alertsBefore = count("alert", survivor) + count("alert", duplicate);
        int commentsBefore = count("incident_comment", survivor) + count("incident_comment", duplicate);

        MergeResult result = operations.merge(number(duplicate), number(survivor).toLowerCase(), "desk", List.of());

        assertThat(result.alerts()).isEqualTo(3);
        assertThat(result.alertGroups()).isEqualTo(1);
        assertThat(count("alert", survivor)).isEqualTo(alertsBefore);
        assertThat(count("alert", duplicate)).isZero();
        // Every comment moved, plus one note on each incident saying what happened.
        assertThat(count("incident_comment", survivor)).isEqualTo(commentsBefore + 1);
        assertThat(count("incident_comment", duplicate)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_group WHERE incident_id = :i").param("i", survivor)
                .query(Long.class).single()).isEqualTo(2);
        Incident merged = incidents.findById(duplicate).orElseThrow();
        assertThat(merged.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(merged.closureCode()).isEqualTo(ClosureCode.MERGED);
        assertThat(merged.closedBy()).isEqualTo("desk");
        assertThat(operations.links(number(survivor))).singleElement().satisfies(link -> {
            assertThat(link.type()).isEqualTo(LinkType.DUPLICATE_OF);
            assertThat(link.direction()).isEqualTo("INCOMING");
            assertThat(link.incident()).isEqualTo(number(duplicate));
        });
        verify(events).publishEvent(new IncidentClosed(duplicate));
        verify(processes).end(eq("pi-" + duplicate), eq("Merged into " + number(survivor)), eq("desk"), eq(List.of()));
        verify(audit).record(eq("desk"), eq("INCIDENT_MERGED"), eq("incident"), eq(number(duplicate)), anyMap());
    }

    @Test
    void mergingIntoItselfOrIntoAClosedIncidentIsRefused() {
        long open = incidentWithEvidence("db slow", "db", 1, 0);
        long closed = incidentWithEvidence("db slow again", "db2", 1, 0);
        history.closed(closed, T0.plusHours(1));

        assertThatThrownBy(() -> operations.merge(number(open), number(open), "desk", List.of()))
                .isInstanceOfSatisfying(IncidentValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("into"));
        assertThatThrownBy(() -> operations.merge(number(open), number(closed), "desk", List.of()))
                .isInstanceOfSatisfying(OperationConflictException.class, e -> assertThat(e.field()).isEqualTo("into"));
        assertThatThrownBy(() -> operations.merge(number(open), "INC-999999", "desk", List.of()))
                .isInstanceOfSatisfying(IncidentValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("into"));
        assertThat(count("alert", open)).isEqualTo(1);
    }

    @Test
    void splitMovesTheChosenAlertsAndCommentsIntoANewIncidentAndKeepsTheRest() {
        long original = history.incident("web と db が落ちた", 2, "server", T0, T0);
        history.alert(integration, original, "web", "NEW", T0.minusMinutes(5), T0);
        history.alert(integration, original, "web", "DUPLICATE", T0.plusMinutes(1), T0.plusMinutes(1));
        long db = history.alert(integration, original, "db", "NEW", T0.minusMinutes(2), T0.plusMinutes(2));
        long webGroup = history.alertGroup(integration, original, "web", T0);
        long dbGroup = history.alertGroup(integration, original, "db", T0);
        long dbComment = history.comment(original, "tanaka", "DB はディスク満杯", T0.plusMinutes(3));
        history.comment(original, "tanaka", "web は再起動で復旧", T0.plusMinutes(4));
        int alertsBefore = count("alert", original);
        int commentsBefore = count("incident_comment", original);

        SplitResult result = operations.split(number(original),
                new SplitRequest("db01 ディスク満杯", "分割", List.of(db), List.of(dbComment)), "desk");

        long opened = incidents.findByNumber(result.incident()).orElseThrow().id();
        assertThat(result.alerts()).isEqualTo(1);
        assertThat(result.comments()).isEqualTo(1);
        assertThat(count("alert", original) + count("alert", opened)).isEqualTo(alertsBefore);
        assertThat(jdbc.sql("SELECT id FROM alert WHERE incident_id = :i").param("i", opened).query(Long.class).list())
                .containsExactly(db);
        // The original keeps its other comment and gains a note about the split.
        assertThat(count("incident_comment", original) + count("incident_comment", opened))
                .isEqualTo(commentsBefore + 1);
        assertThat(operations.comments(result.incident())).extracting(Comment::body).containsExactly("DB はディスク満杯");
        assertThat(groupOf(dbGroup)).isEqualTo(opened);
        assertThat(groupOf(webGroup)).as("web still has alerts on the original").isEqualTo(original);
        assertThat(incidents.findById(opened).orElseThrow().detectedAt()).isEqualTo(T0.minusMinutes(2));
        assertThat(operations.links(result.incident())).singleElement()
                .satisfies(link -> assertThat(link.type()).isEqualTo(LinkType.SPLIT_FROM));
        verify(audit).record(eq("desk"), eq("INCIDENT_SPLIT"), eq("incident"), eq(number(original)), anyMap());
    }

    @Test
    void splitRefusesAlertsAndCommentsOfAnotherIncident() {
        long original = incidentWithEvidence("web01 down", "web01", 1, 1);
        long other = incidentWithEvidence("db down", "db", 1, 1);
        long foreignAlert = jdbc.sql("SELECT id FROM alert WHERE incident_id = :i").param("i", other)
                .query(Long.class).list().get(0);

        assertThatThrownBy(() -> operations.split(number(original),
                new SplitRequest("part", null, List.of(foreignAlert), List.of()), "desk"))
                .isInstanceOfSatisfying(IncidentValidationException.class, e -> assertThat(e.errors())
                        .extracting(IncidentValidationException.FieldError::field).containsExactly("alerts"));
        assertThatThrownBy(() -> operations.split(number(original), new SplitRequest("part", null, null, null), "desk"))
                .isInstanceOf(IncidentValidationException.class);
        assertThat(count("alert", other)).isEqualTo(1);
    }

    @Test
    void relatedIncidentsAreLinkedOnceAndSeenFromBothSides() {
        long cause = incidentWithEvidence("core switch", "sw", 1, 0);
        long effect = incidentWithEvidence("VPN down", "vpn", 1, 0);

        operations.link(number(effect), LinkType.CAUSED_BY, number(cause), "net");
        IncidentLink link = operations.link(number(effect), LinkType.CAUSED_BY, number(cause), "net");

        assertThat(operations.links(number(effect))).containsExactly(link);
        assertThat(link.direction()).isEqualTo("OUTGOING");
        assertThat(operations.links(number(cause))).singleElement()
                .satisfies(l -> assertThat(l.direction()).isEqualTo("INCOMING"));
        assertThatThrownBy(() -> operations.link(number(effect), LinkType.SPLIT_FROM, number(cause), "net"))
                .isInstanceOf(IncidentValidationException.class);
        operations.unlink(number(cause), link.id());
        assertThat(operations.links(number(effect))).isEmpty();
    }

    @Test
    void commentsKeepJapaneseTextAndTheirAuthor() {
        long incident = incidentWithEvidence("web01 down", "web01", 1, 0);

        Comment comment = operations.comment(number(incident), "件名", "再起動しました\n二行目", "tanaka");

        assertThat(comment.author()).isEqualTo("tanaka");
        assertThat(operations.comments(number(incident))).containsExactly(comment);
        assertThat(comment.body()).isEqualTo("再起動しました\n二行目");
        assertThatThrownBy(() -> operations.comment(number(incident), null, " ", "tanaka"))
                .isInstanceOfSatisfying(IncidentValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
    }

    private long incidentWithEvidence(String title, String dedupKey, int alerts, int comments) {
        long incident = history.incident(title, 2, "server", T0, T0);
        for (int i = 0; i < alerts; i++) {
            history.alert(integration, incident, dedupKey, i == 0 ? "NEW" : "DUPLICATE", T0.plusMinutes(i),
                    T0.plusMinutes(i));
        }
        if (alerts > 0) {
            history.alertGroup(integration, incident, dedupKey, T0);
        }
        for (int i = 0; i < comments; i++) {
            history.comment(incident, "tanaka", title + " のメモ " + i, T0.plusMinutes(10 + i));
        }
        return incident;
    }

    private int count(String table, long incident) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE incident_id = :i").param("i", incident)
                .query(Integer.class).single();
    }

    private Long groupOf(long group) {
        return jdbc.sql("SELECT incident_id FROM alert_group WHERE id = :id").param("id", group)
                .query(Long.class).single();
    }

    private static String number(long id) {
        return ScriptedHistory.number(id);
    }
}
