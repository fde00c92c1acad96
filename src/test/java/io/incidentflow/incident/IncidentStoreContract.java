package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.ApplicationEventPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The incident record's SQL and rules, run unchanged against H2 and PostgreSQL (see the subclasses):
 * every repository statement goes through the service here, with the engine mocked.
 */
abstract class IncidentStoreContract {

    static final Instant START = Instant.parse("2025-03-01T09:00:00.123456789Z");

    abstract DataSource dataSource();

    JdbcClient jdbc;
    MutableClock clock;
    RuntimeService runtimeService;
    IdentityService identityService;
    ApplicationEventPublisher events;
    IncidentService service;

    @BeforeEach
    void cleanDatabaseAndWireService() {
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("DELETE FROM incident").update();
        clock = new MutableClock(START);
        // Deep stubs: acknowledging correlates a message through the builder chain.
        runtimeService = mock(RuntimeService.class, org.mockito.Mockito.RETURNS_DEEP_STUBS);
        identityService = mock(IdentityService.class);
        events = mock(ApplicationEventPublisher.class);
        service = new IncidentService(new IncidentRepository(jdbc), runtimeService, identityService, events, clock);
    }

    // --- register ---------------------------------------------------------------------------------------

    @Test
    void registerNumbersTheIncidentAfterItsIdAndStartsItAsNew() {
        Incident incident = service.register(incident("Mail server down"), "pi-1");

        assertThat(incident.number()).isEqualTo(String.format("INC-%06d", incident.id()));
        assertThat(incident.status()).isEqualTo(IncidentStatus.NEW);
        assertThat(incident.processInstanceId()).isEqualTo("pi-1");
        assertThat(incident.registeredAt()).isEqualTo(now());
        assertThat(incident.updatedAt()).isEqualTo(now());
        assertThat(incident.reopenCount()).isZero();
        assertThat(incident.responseBreached()).isFalse();
        assertThat(incident.resolutionBreached()).isFalse();
        assertThat(service.findByNumber(incident.number())).contains(incident);
        assertThat(service.findByProcessInstanceId("pi-1")).contains(incident);
    }

    @Test
    void numbersFollowTheIdAndKeepGrowingPastSixDigits() {
        Incident first = service.register(incident("first"), "pi-1");
        Incident second = service.register(incident("second"), "pi-2");

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(second.number()).isNotEqualTo(first.number());
        assertThat(IncidentService.numberFor(42)).isEqualTo("INC-000042");
        assertThat(IncidentService.numberFor(1_234_567)).isEqualTo("INC-1234567");
    }

    @Test
    void registerDefaultsSourceToTasklistAndDetectionToRegistration() {
        Incident incident = service.register(incident("Printer on fire"), "pi-1");

        assertThat(incident.source()).isEqualTo("tasklist");
        assertThat(incident.detectedAt()).isEqualTo(now());
    }

    @Test
    void registerKeepsTheGivenDetectionInstantAndAnswersItInUtc() {
        OffsetDateTime detectedInTokyo = OffsetDateTime.parse("2025-03-01T17:55:00+09:00");
        NewIncident alert = new NewIncident("Disk full", null, "customer-db", "database", 2, 1, "alertmanager",
                "prometheus", detectedInTokyo);

        Incident incident = service.register(alert, "pi-1");

        assertThat(incident.detectedAt()).isEqualTo(OffsetDateTime.parse("2025-03-01T08:55:00Z"));
        assertThat(incident.source()).isEqualTo("alertmanager");
        assertThat(incident.reporter()).isEqualTo("prometheus");
        assertThat(incident.category()).isEqualTo("database");
        assertThat(incident.service()).isEqualTo("customer-db");
        assertThat(incident.impact()).isEqualTo(2);
        assertThat(incident.urgency()).isEqualTo(1);
    }

    @Test
    void japaneseTitleAndDescriptionRoundTripUnchanged() {
        String title = "ディスク容量不足 db01（本番）";
        String description = "　/var が 98% です。\n🔥 ログローテーションが止まっています。\n\t対応をお願いします。 ";

        Incident incident = service.register(new NewIncident(title, description, "基幹DB", "database", null, null,
                null, "山田太郎", null), "pi-1");

        Incident read = service.findByNumber(incident.number()).orElseThrow();
        assertThat(read.title()).isEqualTo(title);
        assertThat(read.description()).isEqualTo(description);
        assertThat(read.service()).isEqualTo("基幹DB");
        assertThat(read.reporter()).isEqualTo("山田太郎");
    }

    @Test
    void aTitleOfTwoHundredJapaneseCharactersFits() {
        String title = "障".repeat(200);

        assertThat(service.register(incident(title), "pi-1").title()).isEqualTo(title);
    }

    @Test
    void registerRejectsBadInputNamingEachFieldAndStoresNothing() {
        NewIncident bad = new NewIncident("  ", null, null, null, 9, 0, null, null, null);

        assertThatThrownBy(() -> service.register(bad, "pi-1"))
                .isInstanceOfSatisfying(IncidentValidationException.class, e -> assertThat(e.errors())
                        .extracting(IncidentValidationException.FieldError::field)
                        .containsExactlyInAnyOrder("title", "impact", "urgency"));
        assertThat(count()).isZero();
    }

    @Test
    void registerRejectsATitleLongerThanTwoHundredCharacters() {
        assertThatThrownBy(() -> service.register(incident("x".repeat(201)), "pi-1"))
                .isInstanceOfSatisfying(IncidentValidationException.class,
                        e -> assertThat(e.errors()).extracting(IncidentValidationException.FieldError::field)
                                .containsExactly("title"));
    }

    // --- report -----------------------------------------------------------------------------------------

    @Test
    void reportStartsTheProcessAsTheActorAndAnswersTheRegisteredIncident() {
        registerWhenProcessStarts("pi-7");
        OffsetDateTime detected = OffsetDateTime.parse("2025-03-01T08:00:00Z");
        NewIncident report = new NewIncident("VPN down", "no tunnel", "vpn", "network", 2, 1, null, null, detected);

        Incident incident = service.report(report, "alice", List.of("service-desk"));

        Map<String, Object> variables = startedVariables();
        assertThat(variables).containsEntry("title", "VPN down").containsEntry("description", "no tunnel")
                .containsEntry("service", "vpn").containsEntry("category", "network")
                .containsEntry("impact", 2).containsEntry("urgency", 1)
                .containsEntry("source", "api").containsEntry("reporter", "alice")
                .containsEntry("detectedAt", Date.from(detected.toInstant()))
                .containsEntry("preClassified", true);
        InOrder order = inOrder(identityService, runtimeService);
        order.verify(identityService).setAuthentication("alice", List.of("service-desk"));
        order.verify(runtimeService).startProcessInstanceByKey(eq("incident-management"), anyMap());
        order.verify(identityService).clearAuthentication();
        assertThat(incident.processInstanceId()).isEqualTo("pi-7");
        assertThat(incident.title()).isEqualTo("VPN down");
        assertThat(incident.source()).isEqualTo("api");
        assertThat(incident.reporter()).isEqualTo("alice");
    }

    @Test
    void openStartsTheProcessWithoutAUserAndCarriesTheExtraVariables() {
        registerWhenProcessStarts("pi-9");

        Incident incident = service.open(new NewIncident("CPU 高負荷 web01", null, "web", "server", 3, 2,
                "alertmanager", "prometheus", null), Map.of("dedupKey", "fp-1"));

        assertThat(startedVariables()).containsEntry("dedupKey", "fp-1").containsEntry("source", "alertmanager")
                .containsEntry("reporter", "prometheus").containsEntry("preClassified", true);
        verifyNoInteractions(identityService);
        assertThat(incident.title()).isEqualTo("CPU 高負荷 web01");
    }

    @Test
    void reportIsPreClassifiedOnlyWhenCategoryServiceImpactAndUrgencyAreAllGiven() {
        registerWhenProcessStarts("pi-8");

        service.report(new NewIncident("VPN down", null, "vpn", "network", 2, null, "monitoring", "bob", null),
                "alice", List.of());

        assertThat(startedVariables()).containsEntry("preClassified", false)
                .containsEntry("source", "monitoring").containsEntry("reporter", "bob");
    }

    @Test
    void reportRejectsBadInputBeforeStartingAnything() {
        assertThatThrownBy(() -> service.report(new NewIncident("", null, null, null, 6, null, null, null, null),
                "alice", List.of()))
                .isInstanceOfSatisfying(IncidentValidationException.class, e -> assertThat(e.errors())
                        .extracting(IncidentValidationException.FieldError::field)
                        .containsExactlyInAnyOrder("title", "impact"));
        verifyNoInteractions(runtimeService, identityService);
    }

    @Test
    void reportClearsTheAuthenticationWhenTheStartFails() {
        when(runtimeService.startProcessInstanceByKey(eq("incident-management"), anyMap()))
                .thenThrow(new ProcessEngineException("no such process"));

        assertThatThrownBy(() -> service.report(incident("VPN down"), "alice", List.of("service-desk")))
                .isInstanceOf(ProcessEngineException.class);
        verify(identityService).clearAuthentication();
    }

    // --- classification -----------------------------------------------------------------------------------

    @Test
    void classifyRecordsThePriorityAndCountsTheTargetsFromRegistration() {
        Incident incident = service.register(incident("DB slow"), "pi-1");
        clock.advance(Duration.ofMinutes(10));

        Classification targets = service.classify(incident.id(), "database", "customer-db", 2, 1, 2,
                Duration.ofMinutes(30), Duration.ofHours(8), "database");

        assertThat(targets.responseDueAt()).isEqualTo(incident.registeredAt().plusMinutes(30));
        assertThat(targets.resolutionDueAt()).isEqualTo(incident.registeredAt().plusHours(8));
        Incident classified = reload(incident);
        assertThat(classified.status()).isEqualTo(IncidentStatus.IN_PROGRESS);
        assertThat(classified.category()).isEqualTo("database");
        assertThat(classified.service()).isEqualTo("customer-db");
        assertThat(classified.impact()).isEqualTo(2);
        assertThat(classified.urgency()).isEqualTo(1);
        assertThat(classified.priority()).isEqualTo(2);
        assertThat(classified.resolverGroup()).isEqualTo("database");
        assertThat(classified.responseDueAt()).isEqualTo(targets.responseDueAt());
        assertThat(classified.resolutionDueAt()).isEqualTo(targets.resolutionDueAt());
        assertThat(classified.updatedAt()).isEqualTo(now());
    }

    @Test
    void classifyRejectsValuesOutsideTheMatrix() {
        Incident incident = service.register(incident("DB slow"), "pi-1");

        assertThatThrownBy(() -> service.classify(incident.id(), "database", "db", 6, 4, 0, Duration.ofHours(1),
                Duration.ofHours(-1), "database"))
                .isInstanceOfSatisfying(IncidentValidationException.class, e -> assertThat(e.errors())
                        .extracting(IncidentValidationException.FieldError::field)
                        .containsExactlyInAnyOrder("impact", "urgency", "priority", "resolutionTarget"));
        assertThat(reload(incident).status()).isEqualTo(IncidentStatus.NEW);
    }

    @ParameterizedTest
    @CsvSource({"service_request, SERVICE_REQUEST", "noise, NOISE", "NOISE, NOISE"})
    void closeAsNotIncidentClosesWithTheClassificationAsClosureCode(String classification, ClosureCode code) {
        Incident incident = service.register(incident("Need a new mouse"), "pi-1");
        clock.advance(Duration.ofMinutes(3));

        service.closeAsNotIncident(incident.id(), classification, "ask the service catalogue");
        verify(events).publishEvent(new IncidentClosed(incident.id()));

        Incident closed = reload(incident);
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.closureCode()).isEqualTo(code);
        assertThat(closed.closedAt()).isEqualTo(now());
        assertThat(closed.classificationReason()).isEqualTo("ask the service catalogue");
    }

    @Test
    void closeAsNotIncidentRefusesAnIncidentClassification() {
        Incident incident = service.register(incident("Real outage"), "pi-1");

        assertThatThrownBy(() -> service.closeAsNotIncident(incident.id(), "incident", null))
                .isInstanceOf(IncidentValidationException.class).hasMessageContaining("classification");
        assertThat(reload(incident).status()).isEqualTo(IncidentStatus.NEW);
    }

    // --- escalation, assignment, coordination ------------------------------------------------------------

    @Test
    void escalationKeepsTheTimeOfTheFirstEscalation() {
        Incident incident = classified("Payments down", 1);
        OffsetDateTime first = now();
        service.escalateToIncidentManager(incident.id());
        clock.advance(Duration.ofMinutes(20));

        service.escalateToResolverGroup(incident.id(), "application");

        Incident escalated = reload(incident);
        assertThat(escalated.status()).isEqualTo(IncidentStatus.ESCALATED);
        assertThat(escalated.escalatedAt()).isEqualTo(first);
        assertThat(escalated.resolverGroup()).isEqualTo("application");
        assertThat(escalated.updatedAt()).isEqualTo(now());
    }

    @Test
    void escalateToResolverGroupNeedsAGroup() {
        Incident incident = classified("Payments down", 3);

        assertThatThrownBy(() -> service.escalateToResolverGroup(incident.id(), " "))
                .isInstanceOf(IncidentValidationException.class).hasMessageContaining("resolverGroup");
    }

    @Test
    void onlyTheFirstAssigneeAcknowledgesTheIncident() {
        Incident incident = classified("Payments down", 3);
        clock.advance(Duration.ofMinutes(5));
        OffsetDateTime acknowledged = now();
        service.recordAssignment(incident.id(), "alice");
        clock.advance(Duration.ofMinutes(5));

        service.recordAssignment(incident.id(), "bob");

        Incident handedOver = reload(incident);
        assertThat(handedOver.assignee()).isEqualTo("bob");
        assertThat(handedOver.acknowledgedBy()).isEqualTo("alice");
        assertThat(handedOver.acknowledgedAt()).isEqualTo(acknowledged);
    }

    @Test
    void acknowledgementFromOutsideTasklistCountsOnlyOnce() {
        Incident incident = classified("Payments down", 3);
        OffsetDateTime first = now();
        service.acknowledge(incident.id(), "pagerduty-user");
        clock.advance(Duration.ofMinutes(5));

        service.acknowledge(incident.id(), "someone-else");

        Incident acknowledged = reload(incident);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("pagerduty-user");
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(first);
        assertThat(acknowledged.assignee()).isNull();
        verify(events, org.mockito.Mockito.times(1)).publishEvent(new IncidentAcknowledged(incident.id()));
    }

    @Test
    void everyAcknowledgementIsPassedToTheIncidentsEngagement() {
        Incident incident = classified("Payments down", 3);

        service.acknowledge(incident.id(), "pagerduty-user");
        service.recordAssignment(incident.id(), "alice");

        verify(runtimeService.createMessageCorrelation("IncidentAcknowledged"), org.mockito.Mockito.times(2))
                .processInstanceBusinessKey(incident.number());
    }

    @Test
    void closingTellsOtherFeaturesWhichIncidentClosed() {
        Incident incident = classified("Payments down", 3);
        service.resolve(incident.id(), "fixed", null, "alice");

        service.close(incident.id(), "bob");

        verify(events).publishEvent(new IncidentClosed(incident.id()));
    }

    @Test
    void handingATaskBackClearsTheAssigneeButNotTheAcknowledgement() {
        Incident incident = classified("Payments down", 3);
        service.recordAssignment(incident.id(), null);
        assertThat(reload(incident).acknowledgedAt()).isNull();
        service.recordAssignment(incident.id(), "alice");

        service.recordAssignment(incident.id(), null);

        Incident released = reload(incident);
        assertThat(released.assignee()).isNull();
        assertThat(released.acknowledgedBy()).isEqualTo("alice");
    }

    @Test
    void coordinationAndDiagnosisAreRecorded() {
        Incident incident = classified("Payments down", 1);

        service.recordCoordination(incident.id(), "carol", "Bridge call at 10:00; 決済チーム招集");
        service.recordDiagnosis(incident.id(), "Certificate expired");

        Incident recorded = reload(incident);
        assertThat(recorded.incidentManager()).isEqualTo("carol");
        assertThat(recorded.coordinationNote()).isEqualTo("Bridge call at 10:00; 決済チーム招集");
        assertThat(recorded.diagnosis()).isEqualTo("Certificate expired");
    }

    // --- resolution, reopening, closing -------------------------------------------------------------------

    @Test
    void resolveRecordsWhoResolvedItHowAndWhen() {
        Incident incident = classified("Payments down", 3);
        clock.advance(Duration.ofHours(1));

        service.resolve(incident.id(), "Renewed the certificate", "No expiry monitoring", "dave");

        Incident resolved = reload(incident);
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(now());
        assertThat(resolved.resolvedBy()).isEqualTo("dave");
        assertThat(resolved.resolution()).isEqualTo("Renewed the certificate");
        assertThat(resolved.rootCause()).isEqualTo("No expiry monitoring");
    }

    @Test
    void reopenSendsTheIncidentBackAndCountsEachReopening() {
        Incident incident = classified("Payments down", 3);
        service.resolve(incident.id(), "Restarted", null, "dave");

        Incident reopened = service.reopen(incident.id(), "Still failing");

        assertThat(reopened.status()).isEqualTo(IncidentStatus.ESCALATED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.reopenReason()).isEqualTo("Still failing");
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.resolvedBy()).isNull();
        assertThat(reopened.resolution()).isEqualTo("Restarted");
        service.resolve(incident.id(), "Restarted again", null, "dave");
        assertThat(service.reopen(incident.id(), "Still failing").reopenCount()).isEqualTo(2);
    }

    @Test
    void reopeningAfterTheResolutionTargetPassedIsABreach() {
        Incident incident = classified("Payments down", 3);
        service.resolve(incident.id(), "Restarted", null, "dave");
        clock.advance(Duration.ofDays(2));
        assertThat(service.recordResolutionBreach(incident.id())).isFalse();

        assertThat(service.reopen(incident.id(), "Still failing").resolutionBreached()).isTrue();
    }

    @Test
    void reopeningBeforeTheResolutionTargetIsNoBreach() {
        Incident incident = classified("Payments down", 3);
        service.resolve(incident.id(), "Restarted", null, "dave");

        assertThat(service.reopen(incident.id(), "Still failing").resolutionBreached()).isFalse();
    }

    @Test
    void closeRecordsAResolvedClosure() {
        Incident incident = classified("Payments down", 3);
        service.resolve(incident.id(), "Restarted", null, "dave");
        clock.advance(Duration.ofHours(2));

        service.close(incident.id(), "erin");

        Incident closed = reload(incident);
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.closureCode()).isEqualTo(ClosureCode.RESOLVED);
        assertThat(closed.closedAt()).isEqualTo(now());
        assertThat(closed.closedBy()).isEqualTo("erin");
    }

    // --- breaches -----------------------------------------------------------------------------------------

    @Test
    void aMissedResponseTargetIsRecordedOnAnOpenIncident() {
        Incident incident = classified("Payments down", 1);

        assertThat(service.recordResponseBreach(incident.id())).isTrue();

        Incident breached = reload(incident);
        assertThat(breached.responseBreached()).isTrue();
        assertThat(breached.resolutionBreached()).isFalse();
    }

    @Test
    void aMissedResolutionTargetIsRecordedWhileTheIncidentIsUnresolved() {
        Incident incident = classified("Payments down", 1);
        service.escalateToResolverGroup(incident.id(), "application");

        assertThat(service.recordResolutionBreach(incident.id())).isTrue();

        assertThat(reload(incident).resolutionBreached()).isTrue();
        assertThat(reload(incident).responseBreached()).isFalse();
    }

    @Test
    void aTargetPassingAfterResolutionIsNoBreach() {
        Incident incident = classified("Payments down", 1);
        service.resolve(incident.id(), "Restarted", null, "dave");

        assertThat(service.recordResolutionBreach(incident.id())).isFalse();
        assertThat(service.recordResponseBreach(incident.id())).isFalse();

        assertThat(reload(incident).resolutionBreached()).isFalse();
        assertThat(reload(incident).responseBreached()).isFalse();
    }

    @Test
    void aTargetPassingAfterClosureIsNoBreach() {
        Incident incident = service.register(incident("Need a new mouse"), "pi-1");
        service.closeAsNotIncident(incident.id(), "service_request", null);

        assertThat(service.recordResolutionBreach(incident.id())).isFalse();
        assertThat(reload(incident).resolutionBreached()).isFalse();
    }

    @Test
    void updatesOfAnUnknownIncidentFail() {
        long unknown = 999_999;

        List<Consumer<Long>> updates = List.of(
                id -> service.classify(id, "network", "vpn", 3, 3, 5, Duration.ZERO, Duration.ZERO, "network"),
                id -> service.closeAsNotIncident(id, "noise", null),
                id -> service.escalateToIncidentManager(id),
                id -> service.escalateToResolverGroup(id, "network"),
                id -> service.recordAssignment(id, "alice"),
                id -> service.recordCoordination(id, "carol", null),
                id -> service.recordDiagnosis(id, "x"),
                id -> service.resolve(id, "x", null, null),
                id -> service.reopen(id, null),
                id -> service.close(id, null));
        for (Consumer<Long> update : updates) {
            assertThatThrownBy(() -> update.accept(unknown)).isInstanceOf(IncidentNotFoundException.class);
        }
        assertThat(service.recordResponseBreach(unknown)).isFalse();
        assertThat(service.recordResolutionBreach(unknown)).isFalse();
        assertThat(service.findByNumber("INC-999999")).isEmpty();
        assertThat(service.findByProcessInstanceId("nope")).isEmpty();
    }

    @Test
    void findByNumberToleratesCaseAndBlanks() {
        Incident incident = service.register(incident("Mail server down"), "pi-1");

        assertThat(service.findByNumber(" " + incident.number().toLowerCase() + " ")).contains(incident);
    }

    // --- lists --------------------------------------------------------------------------------------------

    @Test
    void listShowsNewestFirstWithTheTotalOfAllMatches() {
        Incident a = register("a");
        Incident b = register("b");
        Incident c = register("c");

        IncidentPage firstPage = service.list(new IncidentFilter(null, null, null, 0, 2));
        IncidentPage secondPage = service.list(new IncidentFilter(null, null, null, 1, 2));

        assertThat(firstPage.items()).extracting(Incident::title).containsExactly(c.title(), b.title());
        assertThat(firstPage.total()).isEqualTo(3);
        assertThat(firstPage.page()).isZero();
        assertThat(firstPage.size()).isEqualTo(2);
        assertThat(secondPage.items()).extracting(Incident::title).containsExactly(a.title());
        assertThat(secondPage.total()).isEqualTo(3);
        assertThat(service.list(new IncidentFilter(null, null, null, 2, 2)).items()).isEmpty();
    }

    @Test
    void listDefaultsToTheFirstTwentyIncidents() {
        for (int i = 0; i < 21; i++) {
            register("incident " + i);
        }

        IncidentPage page = service.list(IncidentFilter.all());

        assertThat(page.items()).hasSize(20);
        assertThat(page.items().get(0).title()).isEqualTo("incident 20");
        assertThat(page.size()).isEqualTo(20);
        assertThat(page.total()).isEqualTo(21);
    }

    @Test
    void listFiltersByStatusPriorityAndResolverGroup() {
        Incident fresh = register("fresh");
        Incident network = classifiedWith("network P2", 2, "network");
        Incident database = classifiedWith("database P2", 2, "database");
        Incident lowNetwork = classifiedWith("network P4", 4, "network");
        service.escalateToResolverGroup(lowNetwork.id(), "network");

        assertThat(titles(new IncidentFilter(IncidentStatus.NEW, null, null, null, null)))
                .containsExactly(fresh.title());
        assertThat(titles(new IncidentFilter(IncidentStatus.IN_PROGRESS, null, null, null, null)))
                .containsExactly(database.title(), network.title());
        assertThat(titles(new IncidentFilter(null, 2, null, null, null)))
                .containsExactly(database.title(), network.title());
        assertThat(titles(new IncidentFilter(null, null, "network", null, null)))
                .containsExactly(lowNetwork.title(), network.title());
        assertThat(titles(new IncidentFilter(IncidentStatus.IN_PROGRESS, 2, "network", null, null)))
                .containsExactly(network.title());
        IncidentPage escalatedNetwork = service.list(new IncidentFilter(IncidentStatus.ESCALATED, 4, "network", 0, 1));
        assertThat(escalatedNetwork.items()).extracting(Incident::title).containsExactly(lowNetwork.title());
        assertThat(escalatedNetwork.total()).isEqualTo(1);
        assertThat(service.list(new IncidentFilter(IncidentStatus.CLOSED, null, null, null, null)).total()).isZero();
    }

    @Test
    void listRejectsPagesAndSizesOutOfRange() {
        for (IncidentFilter bad : List.of(new IncidentFilter(null, null, null, -1, 20),
                new IncidentFilter(null, null, null, 0, 0), new IncidentFilter(null, null, null, 0, 201),
                new IncidentFilter(null, 6, null, 0, 20))) {
            assertThatThrownBy(() -> service.list(bad)).isInstanceOf(IncidentValidationException.class);
        }
        assertThat(service.list(new IncidentFilter(null, null, null, 0, 200)).size()).isEqualTo(200);
    }

    // --- the table's own guards ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "status | 'OPEN'",
            "status | NULL",
            "title | NULL",
            "source | NULL",
            "registered_at | NULL",
            "impact | 0",
            "impact | 6",
            "urgency | 0",
            "urgency | 4",
            "priority | 0",
            "priority | 6",
            "closure_code | 'FIXED'",
            "reopen_count | -1"})
    void theTableRejectsValuesOutsideItsRules(String column, String value) {
        assertThatThrownBy(() -> insertRaw(column, value)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count()).isZero();
    }

    @Test
    void theTableAcceptsTheBoundaryValues() {
        insertRaw("impact", "5");
        insertRaw("urgency", "3");
        insertRaw("priority", "1");
        insertRaw("closure_code", "'NOISE'");

        assertThat(count()).isEqualTo(4);
    }

    @Test
    void numbersAndProcessInstancesAreUnique() {
        Incident incident = service.register(incident("Mail server down"), "pi-1");

        assertThatThrownBy(() -> insertRaw("number", "'" + incident.number() + "'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertRaw("process_instance_id", "'pi-1'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> service.register(incident("again"), "pi-1"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static NewIncident incident(String title) {
        return new NewIncident(title, null, null, null, null, null, null, null, null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private int processes;

    /** Registers an incident a second after the previous one, so that "newest first" is well defined. */
    private Incident register(String title) {
        clock.advance(Duration.ofSeconds(1));
        return service.register(incident(title), "pi-" + (++processes));
    }

    private Incident classified(String title, int priority) {
        return classifiedWith(title, priority, "application");
    }

    private Incident classifiedWith(String title, int priority, String group) {
        Incident incident = register(title);
        service.classify(incident.id(), "application", "shop", priority, 1, priority, Duration.ofMinutes(30),
                Duration.ofDays(1), group);
        return reload(incident);
    }

    private Incident reload(Incident incident) {
        return service.findByNumber(incident.number()).orElseThrow();
    }

    private List<String> titles(IncidentFilter filter) {
        return service.list(filter).items().stream().map(Incident::title).toList();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
    }

    /** A row that is valid except for one column, written straight into the table past the service. */
    private void insertRaw(String column, String sqlValue) {
        Map<String, String> values = new java.util.LinkedHashMap<>(Map.of(
                "title", "'raw'", "status", "'NEW'", "source", "'test'",
                "registered_at", "CURRENT_TIMESTAMP", "updated_at", "CURRENT_TIMESTAMP"));
        values.put(column, sqlValue);
        jdbc.sql("INSERT INTO incident (" + String.join(", ", values.keySet()) + ") VALUES ("
                + String.join(", ", values.values()) + ")").update();
    }

    private void registerWhenProcessStarts(String processInstanceId) {
        ProcessInstance instance = mock(ProcessInstance.class);
        when(instance.getId()).thenReturn(processInstanceId);
        // Stands in for the model's first step, Register incident, which runs inside the start call.
        when(runtimeService.startProcessInstanceByKey(eq("incident-management"), anyMap())).thenAnswer(call -> {
            Map<String, Object> variables = call.getArgument(1);
            service.register(new NewIncident((String) variables.get("title"), (String) variables.get("description"),
                    (String) variables.get("service"), (String) variables.get("category"),
                    (Integer) variables.get("impact"), (Integer) variables.get("urgency"),
                    (String) variables.get("source"), (String) variables.get("reporter"), null), processInstanceId);
            return instance;
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> startedVariables() {
        ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
        verify(runtimeService).startProcessInstanceByKey(eq("incident-management"), variables.capture());
        return variables.getValue();
    }
}
