package io.incidentflow.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentClosed;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.NewIncident;
import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationService;
import io.incidentflow.integration.IntegrationType;
import io.incidentflow.support.AdjustableClock;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Accepting, de-duplicating and opening on a real database, run unchanged against H2 and PostgreSQL (see the
 * subclasses). The engine is not there: incidents are opened through a mocked IncidentService, recoveries
 * are correlated through a mocked RuntimeService, so each test shows exactly what the engine was asked.
 */
abstract class AlertStoreContract {

    abstract DataSource dataSource();

    JdbcClient jdbc;
    TransactionTemplate transaction;
    AlertRepository repository;
    IncidentService incidents;
    IntegrationService integrations;
    RuntimeService runtimeService;
    MessageCorrelationBuilder correlation;
    /** Stands in for the opener the intake hints after each commit: the tests drain when they choose. */
    IncidentOpener hints;
    AlertIntake intake;
    IncidentOpener opener;
    /** The openers' clock, which decides when a failed group is due again. */
    final AdjustableClock clock = new AdjustableClock(Instant.now());
    /** Whether alerts are being accepted right now; quiet unless a test says otherwise. */
    AlertCapacity intakeLoad;
    Integration integration;

    @BeforeEach
    void cleanDatabaseAndWire() {
        jdbc = JdbcClient.create(dataSource());
        for (String table : List.of("alert", "alert_group", "incident", "integration")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        repository = new AlertRepository(jdbc, new ObjectMapper(), dataSource());
        incidents = mock(IncidentService.class);
        integrations = mock(IntegrationService.class);
        runtimeService = mock(RuntimeService.class);
        correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
        when(runtimeService.createMessageCorrelation(anyString())).thenReturn(correlation);
        when(correlation.correlateAllWithResult()).thenReturn(List.of());
        hints = mock(IncidentOpener.class);
        intake = new AlertIntake(repository, transaction, hints);
        intakeLoad = mock(AlertCapacity.class);
        opener = newOpener();
        integration = integration("prometheus", false);
        openIncidentsInTheDatabase();
    }

    // --- accepting --------------------------------------------------------------------------------------

    @Test
    void theFirstAlertOfAKeyIsNewAndWaitsForItsIncident() {
        List<AlertIntake.AcceptedAlert> accepted = accept(firing("disk-db01", "e1"));

        assertThat(accepted).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AlertOutcome.NEW);
            assertThat(a.redelivery()).isFalse();
            assertThat(a.incidentNumber()).isNull();
        });
        assertThat(groupState("disk-db01")).isEqualTo("OPENING");
        assertThat(alertCount("disk-db01")).isEqualTo(1);
        verify(hints).hint();
    }

    @Test
    void furtherAlertsOfTheKeyAreDuplicatesOfTheOneIncidentAndNameIt() {
        accept(firing("disk-db01", "e1"));
        opener.drain();

        List<AlertIntake.AcceptedAlert> accepted = accept(firing("disk-db01", "e2"), firing("disk-db01", "e3"));

        assertThat(accepted).extracting(AlertIntake.AcceptedAlert::outcome)
                .containsExactly(AlertOutcome.DUPLICATE, AlertOutcome.DUPLICATE);
        assertThat(accepted).extracting(AlertIntake.AcceptedAlert::incidentNumber)
                .containsOnly(numberOf(incidentOf("disk-db01")));
        assertThat(alertCount("disk-db01")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_group").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT incident_id) FROM alert WHERE dedup_key = 'disk-db01'")
                .query(Long.class).single()).isEqualTo(1);
        verify(incidents, times(1)).open(any(), anyMap());
    }

    @Test
    void aRetriedDeliveryIsAnsweredAgainButStoresNothing() {
        accept(firing("disk-db01", "e1"));

        List<AlertIntake.AcceptedAlert> retry = accept(firing("disk-db01", "e1"));

        assertThat(retry).singleElement().satisfies(a -> assertThat(a.redelivery()).isTrue());
        assertThat(alertCount("disk-db01")).isEqualTo(1);
    }

    @Test
    void theSameEventTwiceInOnePayloadIsStoredOnce() {
        List<AlertIntake.AcceptedAlert> accepted = accept(firing("disk-db01", "e1"), firing("disk-db01", "e1"));

        assertThat(accepted).extracting(AlertIntake.AcceptedAlert::redelivery).containsExactly(false, true);
        assertThat(alertCount("disk-db01")).isEqualTo(1);
    }

    @Test
    void alertsWithoutEventIdAreNeverTakenForRetries() {
        accept(firing("disk-db01", null), firing("disk-db01", null));

        assertThat(alertCount("disk-db01")).isEqualTo(2);
    }

    @Test
    void anAlertWithoutDedupKeyIsRefusedAndNothingOfTheRequestIsStored() {
        assertThatThrownBy(() -> accept(firing("ok", "e1"), firing(" ", "e2")))
                .isInstanceOfSatisfying(AlertFormatException.class, e -> assertThat(e.field()).isEqualTo("dedupKey"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert").query(Long.class).single()).isZero();
    }

    @Test
    void whenTheDatabaseFailsHalfWayNothingOfTheRequestIsStored() {
        AtomicInteger inserts = new AtomicInteger();
        AlertRepository failing = new AlertRepository(jdbc, new ObjectMapper(), dataSource()) {
            @Override
            void insertAlert(long integrationId, Alert alert, Long groupId, AlertOutcome outcome, OffsetDateTime now) {
                if (inserts.incrementAndGet() == 2) {
                    throw new DataAccessResourceFailureException("connection lost");
                }
                super.insertAlert(integrationId, alert, groupId, outcome, now);
            }
        };
        AlertIntake failingIntake = new AlertIntake(failing, transaction, hints);

        assertThatThrownBy(() -> failingIntake.accept(integration, List.of(firing("a", "e1"), firing("b", "e2"))))
                .isInstanceOf(DataAccessResourceFailureException.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_group").query(Long.class).single()).isZero();
        verify(hints, never()).hint();
    }

    @Test
    void valuesTooLongForTheirColumnsAreStoredCutAndLongKeysStillDeduplicate() {
        String longKey = "{}/{severity=\"critical\"}:{alertname=\"" + "x".repeat(400) + "\"}";
        Alert alert = new Alert(longKey, AlertStatus.FIRING, "ディスク", null, "s".repeat(80), 2, "サ".repeat(150),
                "c".repeat(70), Map.of(), List.of(), null, "ev-" + "9".repeat(300));

        accept(alert);
        List<AlertIntake.AcceptedAlert> again = accept(new Alert(longKey, AlertStatus.FIRING, "ディスク", null, null, null,
                null, null, Map.of(), List.of(), null, "ev-" + "9".repeat(300)));

        assertThat(again).singleElement().satisfies(a -> assertThat(a.redelivery()).isTrue());
        accept(new Alert(longKey, AlertStatus.FIRING, "again", null, null, null, null, null, Map.of(), List.of(), null,
                null));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_group").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT dedup_key FROM alert_group").query(String.class).single()).hasSize(255)
                .startsWith("{}/{severity=\"critical\"}");
        assertThat(jdbc.sql("SELECT service FROM alert WHERE severity IS NOT NULL").query(String.class).single())
                .isEqualTo("サ".repeat(100));
    }

    // --- opening ----------------------------------------------------------------------------------------

    @Test
    void theOpenerOpensTheIncidentAsTheIntegrationAndLinksTheAlerts() {
        OffsetDateTime startedAt = OffsetDateTime.parse("2025-03-01T08:55:00Z");
        accept(new Alert("disk-db01", AlertStatus.FIRING, "ディスク容量不足 db01", "/var が 98%", "critical", 1,
                "customer-db", "database", Map.of("instance", "db01"), List.of(), startedAt, "e1"));

        assertThat(opener.drain()).isEqualTo(1);

        ArgumentCaptor<NewIncident> incident = ArgumentCaptor.forClass(NewIncident.class);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
        verify(incidents).open(incident.capture(), variables.capture());
        assertThat(incident.getValue()).isEqualTo(new NewIncident("ディスク容量不足 db01", "/var が 98%", "customer-db",
                "database", 1, 2, "generic", "prometheus", startedAt));
        long groupId = groupId("disk-db01");
        assertThat(variables.getValue()).containsExactlyInAnyOrderEntriesOf(Map.of("dedupKey", "disk-db01",
                "alertGroupId", groupId, "integrationName", "prometheus", "autoResolve", false));
        assertThat(groupState("disk-db01")).isEqualTo("OPEN");
        assertThat(jdbc.sql("SELECT incident_id FROM alert WHERE dedup_key = 'disk-db01'").query(Long.class).single())
                .isEqualTo(incidentOf("disk-db01"));
    }

    @Test
    void whatTheAlertDoesNotSayTheIntegrationsDefaultsDo() {
        accept(firing("cpu-web01", "e1"));

        opener.drain();

        ArgumentCaptor<NewIncident> incident = ArgumentCaptor.forClass(NewIncident.class);
        verify(incidents).open(incident.capture(), anyMap());
        assertThat(incident.getValue().service()).isEqualTo("web-shop");
        assertThat(incident.getValue().category()).isEqualTo("server");
        assertThat(incident.getValue().impact()).isEqualTo(3);
        assertThat(incident.getValue().urgency()).isEqualTo(2);
    }

    @Test
    void textBeyondWhatTheRecordHoldsIsCutForTheIncidentButKeptWithTheAlert() {
        String emojiTitle = "🔥".repeat(150);
        String details = "ログ\n".repeat(6_000);
        accept(new Alert("fire", AlertStatus.FIRING, emojiTitle, details, null, null, null, null, Map.of(), List.of(),
                null, null));

        opener.drain();

        ArgumentCaptor<NewIncident> incident = ArgumentCaptor.forClass(NewIncident.class);
        verify(incidents).open(incident.capture(), anyMap());
        assertThat(incident.getValue().title()).hasSizeLessThanOrEqualTo(IncidentService.MAX_TITLE).endsWith("…");
        assertThat(incident.getValue().description()).hasSizeLessThanOrEqualTo(IncidentService.MAX_TEXT);
        assertThat(jdbc.sql("SELECT details FROM alert").query(String.class).single()).isEqualTo(details);
    }

    @Test
    void anAlertAcceptedRightBeforeACrashIsOpenedByTheNextSweep() {
        accept(firing("orphan", "e1"));
        // The node died after the commit: its hint went nowhere. Another node (or the restarted one) sweeps.
        IncidentOpener afterRestart = newOpener();

        afterRestart.sweep();

        assertThat(groupState("orphan")).isEqualTo("OPEN");
        verify(incidents, times(1)).open(any(), anyMap());
    }

    @Test
    void aGroupThatCannotBeOpenedStaysQueuedAndHoldsUpNoOther() {
        accept(firing("broken", "e1"));
        accept(firing("fine", "e2"));
        doAnswer(call -> {
            if (call.getArgument(0, NewIncident.class).title().contains("broken")) {
                throw new IllegalStateException("process not deployed");
            }
            return openIncident(call.getArgument(1));
        }).when(incidents).open(any(), anyMap());

        assertThat(opener.drain()).isEqualTo(1);

        assertThat(groupState("broken")).isEqualTo("OPENING");
        assertThat(groupState("fine")).isEqualTo("OPEN");
        openIncidentsInTheDatabase();
        clock.advance(IncidentOpener.retryDelay(1));
        assertThat(opener.drain()).as("the first sweep after its wait opens it").isEqualTo(1);
        assertThat(groupState("broken")).isEqualTo("OPEN");
    }

    @Test
    void aGroupThatKeepsFailingWaitsTwiceAsLongAfterEachFailure() {
        accept(firing("broken", "e1"));
        when(incidents.open(any(), anyMap())).thenThrow(new IllegalStateException("process not deployed"));

        for (int failure = 1; failure <= 3; failure++) {
            assertThat(opener.drain()).isZero();
            clock.advance(IncidentOpener.retryDelay(failure).minusMillis(1));
            opener.drain();
            verify(incidents, times(failure).description("not tried again before its wait is over")).open(any(),
                    anyMap());
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(jdbc.sql("SELECT failures FROM alert_group").query(Integer.class).single()).isEqualTo(3);

        openIncidentsInTheDatabase();
        assertThat(opener.drain()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT failures FROM alert_group").query(Integer.class).single())
                .as("an opened group starts afresh").isZero();
    }

    @Test
    void theWaitAfterAFailureDoublesFromTwoSecondsToFiveMinutes() {
        assertThat(IncidentOpener.retryDelay(1)).hasSeconds(2);
        assertThat(IncidentOpener.retryDelay(2)).hasSeconds(4);
        assertThat(IncidentOpener.retryDelay(8)).hasSeconds(256);
        assertThat(IncidentOpener.retryDelay(9)).hasMinutes(5);
        assertThat(IncidentOpener.retryDelay(1_000)).hasMinutes(5);
    }

    @Test
    void twoNodesDrainingAtOnceOpenEachIncidentOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            accept(firing("key-" + i, "e" + i));
        }
        doAnswer(call -> {
            Thread.sleep(10);
            return openIncident(call.getArgument(1));
        }).when(incidents).open(any(), anyMap());
        IncidentOpener otherNode = newOpener();
        ExecutorService nodes = Executors.newFixedThreadPool(2);

        List<Future<Integer>> handled = nodes.invokeAll(List.of(opener::drain, otherNode::drain));
        nodes.shutdown();

        assertThat(handled.get(0).get() + handled.get(1).get()).isEqualTo(20);
        verify(incidents, times(20)).open(any(), anyMap());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_group WHERE state = 'OPEN'").query(Long.class).single())
                .isEqualTo(20);
    }

    @Test
    void drainsOfOneNodeOpenIncidentsSideBySide() throws Exception {
        for (int i = 0; i < 10; i++) {
            accept(firing("parallel-" + i, "e" + i));
        }
        // The first two openings wait for each other: serial drains would never meet here.
        CyclicBarrier bothOpening = new CyclicBarrier(2);
        AtomicInteger calls = new AtomicInteger();
        doAnswer(call -> {
            if (calls.incrementAndGet() <= 2) {
                bothOpening.await(10, TimeUnit.SECONDS);
            }
            return openIncident(call.getArgument(1));
        }).when(incidents).open(any(), anyMap());
        ExecutorService drainers = Executors.newFixedThreadPool(2);

        List<Future<Integer>> handled = drainers.invokeAll(List.of(opener::drain, opener::drain));
        drainers.shutdown();

        assertThat(handled.get(0).get()).isPositive();
        assertThat(handled.get(1).get()).isPositive();
        assertThat(handled.get(0).get() + handled.get(1).get()).isEqualTo(10);
        verify(incidents, times(10)).open(any(), anyMap());
    }

    @Test
    void whileAlertsAreAcceptedOnlyOneDrainPerNodeOpensIncidents() throws Exception {
        for (int i = 0; i < 5; i++) {
            accept(firing("storm-" + i, "e" + i));
        }
        when(intakeLoad.busy()).thenReturn(true);
        CountDownLatch leaderOpening = new CountDownLatch(1);
        CountDownLatch secondDrainDone = new CountDownLatch(1);
        doAnswer(call -> {
            leaderOpening.countDown();
            secondDrainDone.await(10, TimeUnit.SECONDS);
            return openIncident(call.getArgument(1));
        }).when(incidents).open(any(), anyMap());
        ExecutorService leader = Executors.newSingleThreadExecutor();
        Future<Integer> led = leader.submit(opener::drain);
        leaderOpening.await(10, TimeUnit.SECONDS);

        int second = opener.drain();
        secondDrainDone.countDown();

        assertThat(second).as("a second drain gives way to the intake").isZero();
        assertThat(led.get()).as("the leader opens them all").isEqualTo(5);
        leader.shutdown();
    }

    // --- recovery and acknowledgement ----------------------------------------------------------------

    @Test
    void aRecoveryIsRecordedAndCorrelatedToTheIncidentsProcess() {
        integration = integration("auto-resolving", true);
        accept(firing("vpn-down", "e1"));
        opener.drain();

        List<AlertIntake.AcceptedAlert> accepted = accept(resolved("vpn-down", "e2"));

        assertThat(accepted).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AlertOutcome.RESOLVED);
            assertThat(a.incidentNumber()).isEqualTo(numberOf(incidentOf("vpn-down")));
        });
        assertThat(pendingAction("vpn-down")).isEqualTo("RESOLVE");
        opener.drain();
        verify(runtimeService).createMessageCorrelation("AlertResolved");
        verify(correlation).processInstanceId("pi-" + incidentOf("vpn-down"));
        verify(correlation).setVariable("autoResolve", true);
        verify(correlation).setVariable("resolvedBySource", "auto-resolving");
        verify(correlation).correlateAllWithResult();
        assertThat(pendingAction("vpn-down")).isNull();
    }

    @Test
    void aRecoveryBeforeTheIncidentWasOpenedOpensItAndThenResolvesIt() {
        accept(firing("vpn-down", "e1"), resolved("vpn-down", "e2"));

        opener.drain();

        InOrder order = inOrder(incidents, runtimeService);
        order.verify(incidents).open(any(), anyMap());
        order.verify(runtimeService).createMessageCorrelation("AlertResolved");
        assertThat(groupState("vpn-down")).isEqualTo("OPEN");
        assertThat(pendingAction("vpn-down")).isNull();
    }

    @Test
    void anAcknowledgementAcknowledgesTheIncidentAsTheIntegration() {
        accept(firing("pd-1", "e1"));
        opener.drain();

        accept(acknowledged("pd-1", "e2"));
        opener.drain();

        verify(incidents).acknowledge(incidentOf("pd-1"), "prometheus");
        assertThat(pendingAction("pd-1")).isNull();
    }

    @Test
    void anAcknowledgementDoesNotReplaceAPendingRecovery() {
        accept(firing("pd-1", "e1"), resolved("pd-1", "e2"), acknowledged("pd-1", "e3"));

        assertThat(pendingAction("pd-1")).isEqualTo("RESOLVE");
        opener.drain();
        verify(runtimeService).createMessageCorrelation("AlertResolved");
    }

    @Test
    void aRecoveryWithoutAnOpenIncidentIsKeptButChangesNothing() {
        List<AlertIntake.AcceptedAlert> accepted = accept(resolved("never-fired", "e1"));

        assertThat(accepted).singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo(AlertOutcome.IGNORED));
        assertThat(alertCount("never-fired")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_group").query(Long.class).single()).isZero();
        verify(hints, never()).hint();
    }

    @Test
    void theTroubleBackBeforeItsRecoveryWasCarriedOutWithdrawsTheRecovery() {
        accept(firing("flapping", "e1"));
        opener.drain();
        accept(resolved("flapping", "e2"));

        List<AlertIntake.AcceptedAlert> back = accept(firing("flapping", "e3"));

        assertThat(back).singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo(AlertOutcome.DUPLICATE));
        assertThat(pendingAction("flapping")).isNull();
        opener.drain();
        verify(runtimeService, never()).createMessageCorrelation(anyString());
    }

    // --- closing ----------------------------------------------------------------------------------------

    @Test
    void closingTheIncidentFreesTheKeyAndTheAlertsKeepTheirHistory() {
        accept(firing("disk-db01", "e1"));
        opener.drain();
        long firstGroup = groupId("disk-db01");
        long firstIncident = incidentOf("disk-db01");

        new AlertGroupRelease(repository).onIncidentClosed(new IncidentClosed(firstIncident));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_group").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT alert_group_id FROM alert WHERE event_id = 'e1'").query(Long.class).single())
                .isEqualTo(firstGroup);
        List<AlertIntake.AcceptedAlert> next = accept(firing("disk-db01", "e2"));
        assertThat(next).singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo(AlertOutcome.NEW));
        opener.drain();
        assertThat(incidentOf("disk-db01")).isNotEqualTo(firstIncident);
    }

    // --- concurrency ------------------------------------------------------------------------------------

    @Test
    void fiftyIdenticalAlertsAtOnceMakeOneGroupWithFiftyOccurrences() throws Exception {
        int senders = 50;
        CyclicBarrier start = new CyclicBarrier(senders);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Callable<AlertOutcome>> requests = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            String event = "storm-" + i;
            requests.add(() -> {
                start.await();
                return accept(firing("storm", event)).get(0).outcome();
            });
        }

        List<AlertOutcome> outcomes = new ArrayList<>();
        for (Future<AlertOutcome> outcome : pool.invokeAll(requests)) {
            outcomes.add(outcome.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(o -> o == AlertOutcome.NEW).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == AlertOutcome.DUPLICATE).hasSize(senders - 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_group").query(Long.class).single()).isEqualTo(1);
        assertThat(alertCount("storm")).isEqualTo(senders);
        assertThat(opener.drain()).isEqualTo(1);
        verify(incidents, times(1)).open(any(), anyMap());
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private IncidentOpener newOpener() {
        return new IncidentOpener(repository, incidents, integrations, runtimeService,
                org.mockito.Mockito.mock(io.incidentflow.engagement.ResponsePlanService.class), transaction,
                new AlertProperties(DataSize.ofMegabytes(1), 64, Duration.ofSeconds(1), 2), intakeLoad, clock);
    }

    /** IncidentService.open registers the incident: a row with a number and a process, as the engine would. */
    private void openIncidentsInTheDatabase() {
        doAnswer(call -> openIncident(call.getArgument(1))).when(incidents).open(any(), anyMap());
        when(incidents.findById(anyLong())).thenAnswer(call -> Optional.of(incident(call.getArgument(0))));
    }

    private Incident openIncident(Map<String, Object> variables) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident (title, status, source, registered_at, updated_at)
                VALUES (:title, 'NEW', 'generic', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .param("title", String.valueOf(variables.get("dedupKey")))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE incident SET number = :number, process_instance_id = :pi WHERE id = :id")
                .param("number", numberOf(id)).param("pi", "pi-" + id).param("id", id).update();
        return incident(id);
    }

    /** The fields the opener reads; the rest do not matter to it. */
    private static Incident incident(long id) {
        return new Incident(id, numberOf(id), "title", null, IncidentStatus.NEW, null, null, null, null, null, null,
                null, null, null, "generic", null, "pi-" + id, null, null, null, null, null, null, null, null, null,
                null, null, false, false, null, null, null, null, null, 0, null, null);
    }

    private static String numberOf(long incidentId) {
        return String.format("INC-%06d", incidentId);
    }

    private Integration integration(String name, boolean autoResolve) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO integration (name, type, key_hash, key_hint, category, service, default_impact, urgency,
                                         auto_resolve, created_at, updated_at)
                VALUES (:name, 'GENERIC', :hash, 'hint', 'server', 'web-shop', 3, 2, :autoResolve,
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .param("name", name).param("hash", name).param("autoResolve", autoResolve)
                .update(keys, "id");
        Integration created = new Integration(keys.getKey().longValue(), name, IntegrationType.GENERIC, true, "server",
                "web-shop", 3, 2, null, false, autoResolve, null, null);
        when(integrations.find(created.id())).thenReturn(Optional.of(created));
        return created;
    }

    List<AlertIntake.AcceptedAlert> accept(Alert... alerts) {
        return intake.accept(integration, List.of(alerts));
    }

    static Alert firing(String dedupKey, String eventId) {
        return alert(dedupKey, AlertStatus.FIRING, eventId);
    }

    private static Alert resolved(String dedupKey, String eventId) {
        return alert(dedupKey, AlertStatus.RESOLVED, eventId);
    }

    private static Alert acknowledged(String dedupKey, String eventId) {
        return alert(dedupKey, AlertStatus.ACKNOWLEDGED, eventId);
    }

    private static Alert alert(String dedupKey, AlertStatus status, String eventId) {
        return new Alert(dedupKey, status, "ディスク容量不足 " + dedupKey, null, null, null, null, null, Map.of(), List.of(),
                null, eventId);
    }

    private long alertCount(String dedupKey) {
        return jdbc.sql("SELECT COUNT(*) FROM alert WHERE dedup_key = :key").param("key", dedupKey)
                .query(Long.class).single();
    }

    private String groupState(String dedupKey) {
        return jdbc.sql("SELECT state FROM alert_group WHERE dedup_key = :key").param("key", dedupKey)
                .query(String.class).single();
    }

    private long groupId(String dedupKey) {
        return jdbc.sql("SELECT id FROM alert_group WHERE dedup_key = :key").param("key", dedupKey)
                .query(Long.class).single();
    }

    private String pendingAction(String dedupKey) {
        // list(): single() refuses a null value, and "no action pending" is one.
        return jdbc.sql("SELECT pending_action FROM alert_group WHERE dedup_key = :key").param("key", dedupKey)
                .query(String.class).list().get(0);
    }

    private long incidentOf(String dedupKey) {
        return jdbc.sql("SELECT incident_id FROM alert_group WHERE dedup_key = :key").param("key", dedupKey)
                .query(Long.class).single();
    }
}
