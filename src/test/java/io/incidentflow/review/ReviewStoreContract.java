package io.incidentflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.incidentflow.incident.IncidentValidationException;
import io.incidentflow.incident.StoredIncidents;
import io.incidentflow.problem.NewProblem;
import io.incidentflow.problem.Problem;
import io.incidentflow.problem.ProblemService;
import io.incidentflow.support.ScriptedHistory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Review figures and records from a scripted history, run unchanged against H2 and PostgreSQL. */
abstract class ReviewStoreContract {

    static final OffsetDateTime DETECTED = OffsetDateTime.parse("2026-03-02T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");

    abstract DataSource dataSource();

    JdbcClient jdbc;
    ScriptedHistory history;
    ProblemService problems;
    ReviewService reviews;
    long integration;

    @BeforeEach
    void cleanDatabase() {
        jdbc = JdbcClient.create(dataSource());
        history = new ScriptedHistory(jdbc);
        history.clear();
        jdbc.sql("DELETE FROM integration").update();
        integration = history.integration("prometheus");
        problems = mock(ProblemService.class);
        reviews = new ReviewService(new ReviewRepository(jdbc), StoredIncidents.service(jdbc), problems,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void figuresAreMeasuredFromTheIncidentItsAlertsAndItsNotifications() {
        long incident = majorIncidentWorkedToClosed();
        long other = history.incident("Unrelated", 3, "network", DETECTED, DETECTED);
        history.notified(other, "saburo", "ESCALATED", 3, "SENT", at("09:10:00"));

        ReviewFigures figures = reviews.measure(ScriptedHistory.number(incident));

        // The first alert started before the reported detection: the trouble began then.
        assertThat(figures.troubleStartedAt()).isEqualTo(at("08:58:00"));
        assertThat(figures.timeToDetectSeconds()).isEqualTo(390);
        assertThat(figures.timeToAcknowledgeSeconds()).isEqualTo(12 * 60);
        assertThat(figures.timeToResolveSeconds()).isEqualTo(2 * 3600 + 5 * 60);
        assertThat(figures.timeToCloseSeconds()).isEqualTo(24 * 3600);
        assertThat(figures.alerts()).isEqualTo(2);
        assertThat(figures.escalationStages()).isEqualTo(2);
        // taro's only attempt failed: he was not reached.
        assertThat(figures.peopleNotified()).isEqualTo(2);
        assertThat(figures.failedNotifications()).isEqualTo(2);
        assertThat(figures.responders()).containsExactly("tanaka", "suzuki");
        assertThat(figures.resolutionBreached()).isTrue();
        assertThat(figures.responseBreached()).isFalse();
    }

    @Test
    void theReviewTaskShowsTheFiguresAsText() {
        long incident = majorIncidentWorkedToClosed();

        var variables = reviews.measure(ScriptedHistory.number(incident)).asTaskVariables();

        assertThat(variables).containsEntry("measuredTimeToDetect", "6 min 30 s")
                .containsEntry("measuredTimeToAcknowledge", "12 min 0 s")
                .containsEntry("measuredTimeToResolve", "2 h 5 min")
                .containsEntry("measuredTimeToClose", "1 d 0 h 0 min")
                .containsEntry("measuredEscalationStages", "2")
                .containsEntry("measuredPeopleNotified", "2")
                .containsEntry("measuredResponders", "tanaka, suzuki");
        assertThat(variables.values()).allMatch(String.class::isInstance);
    }

    @Test
    void stepsNotReachedYetHaveNoFigure() {
        long incident = history.incident("Just registered", 2, "database", DETECTED, DETECTED);

        ReviewFigures figures = reviews.measure(ScriptedHistory.number(incident));

        assertThat(figures.timeToDetectSeconds()).isZero();
        assertThat(figures.timeToAcknowledgeSeconds()).isNull();
        assertThat(figures.timeToResolveSeconds()).isNull();
        assertThat(figures.alerts()).isZero();
        assertThat(figures.escalationStages()).isZero();
        assertThat(figures.asTaskVariables()).containsEntry("measuredTimeToResolve", "—");
    }

    @Test
    void completingAReviewStoresTheAnswersAndOpensOneProblemPerFollowUpAction() {
        long incident = majorIncidentWorkedToClosed();
        String number = ScriptedHistory.number(incident);
        long review = reviews.open(incident, "pi-review-1");
        when(problems.create(any(), eq("suzuki"))).thenAnswer(call -> problem(call.getArgument(0)));

        List<String> opened = reviews.complete(review, number, answers("""
                tanaka: ディスク使用率 80% でアラート
                
                suzuki：フェイルオーバー手順を更新"""), "suzuki");

        assertThat(opened).containsExactly("PRB-ディスク使用率 80% でアラート", "PRB-フェイルオーバー手順を更新");
        ArgumentCaptor<NewProblem> created = ArgumentCaptor.forClass(NewProblem.class);
        verify(problems, org.mockito.Mockito.times(2)).create(created.capture(), eq("suzuki"));
        assertThat(created.getAllValues()).extracting(NewProblem::owner).containsExactly("tanaka", "suzuki");
        assertThat(created.getAllValues()).allSatisfy(p -> {
            assertThat(p.incident()).isEqualTo(number);
            assertThat(p.reviewId()).isEqualTo(review);
        });
        Review stored = reviews.reviewsOf(number).get(0);
        assertThat(stored.state()).isEqualTo("COMPLETED");
        assertThat(stored.reviewer()).isEqualTo("suzuki");
        assertThat(stored.completedAt()).isEqualTo(NOW.atOffset(ZoneOffset.UTC));
        assertThat(stored.answers().whatHappened()).isEqualTo("DB のフェイルオーバー");
        assertThat(stored.answers().customerImpact()).isEqualTo("決済が 40 分停止");
    }

    @Test
    void aFollowUpLineWithoutOwnerFailsTheReviewNamingTheLine() {
        long incident = majorIncidentWorkedToClosed();
        long review = reviews.open(incident, "pi-review-2");

        assertThatThrownBy(() -> reviews.complete(review, ScriptedHistory.number(incident),
                answers("tanaka: alert earlier\nsomeone should look at the disks"), "suzuki"))
                .isInstanceOfSatisfying(IncidentValidationException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("followUpActions");
                            assertThat(error.message()).contains("line 2");
                        }));
        verifyNoInteractions(problems);
        assertThat(reviews.reviewsOf(ScriptedHistory.number(incident)).get(0).state()).isEqualTo("OPEN");
    }

    @Test
    void aReviewWithoutFollowUpActionsOpensNoProblem() {
        long incident = majorIncidentWorkedToClosed();
        long review = reviews.open(incident, "pi-review-3");

        assertThat(reviews.complete(review, ScriptedHistory.number(incident), answers(null), "suzuki")).isEmpty();
        verifyNoInteractions(problems);
    }

    private long majorIncidentWorkedToClosed() {
        long incident = history.incident("決済 DB 停止", 1, "database", DETECTED, at("09:04:30"));
        history.alert(integration, incident, "db-down", "NEW", at("08:58:00"), at("09:04:29"));
        history.alert(integration, incident, "db-down", "DUPLICATE", at("09:01:00"), at("09:06:00"));
        history.notified(incident, "hanako", "INCIDENT_OPENED", null, "SENT", at("09:04:31"));
        history.notified(incident, "hanako", "ESCALATED", 1, "FAILED", at("09:10:00"));
        history.notified(incident, "hanako", "ESCALATED", 1, "SENT", at("09:10:05"));
        history.notified(incident, "jiro", "ESCALATED", 2, "SENT", at("09:15:00"));
        history.notified(incident, "taro", "ACKNOWLEDGED", null, "FAILED", at("09:16:31"));
        history.acknowledged(incident, "tanaka", at("09:16:30"));
        history.managedBy(incident, "suzuki");
        history.resolved(incident, "tanaka", at("11:09:30"));
        history.closed(incident, OffsetDateTime.parse("2026-03-03T09:04:30Z"));
        history.breached(incident, false, true);
        return incident;
    }

    private static ReviewAnswers answers(String followUps) {
        return new ReviewAnswers("DB のフェイルオーバー", "決済が 40 分停止", "ディスク満杯", "早い検知", "手順が古い",
                followUps);
    }

    private static Problem problem(NewProblem request) {
        return new Problem(1, "PRB-" + request.title(), request.title(), request.description(), request.owner(),
                null, null, null, null, request.reviewId(), null, null, null, null, null, List.of());
    }

    static OffsetDateTime at(String time) {
        return OffsetDateTime.parse("2026-03-02T" + time + "Z");
    }
}
