package io.incidentflow.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.incidentflow.audit.AuditLog;
import io.incidentflow.incident.StoredIncidents;
import io.incidentflow.support.ScriptedHistory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Problem records: states, transitions, links to incidents, run unchanged against H2 and PostgreSQL. */
abstract class ProblemStoreContract {

    static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");
    static final OffsetDateTime REGISTERED = OffsetDateTime.parse("2026-03-02T09:00:00Z");

    abstract DataSource dataSource();

    JdbcClient jdbc;
    ScriptedHistory history;
    AuditLog audit;
    ProblemService problems;
    long incident;

    @BeforeEach
    void cleanDatabase() {
        jdbc = JdbcClient.create(dataSource());
        history = new ScriptedHistory(jdbc);
        history.clear();
        audit = mock(AuditLog.class);
        problems = new ProblemService(new ProblemRepository(jdbc), StoredIncidents.service(jdbc), audit,
                Clock.fixed(NOW, ZoneOffset.UTC));
        incident = history.incident("決済 DB 停止", 1, "database", REGISTERED, REGISTERED);
    }

    @Test
    void aNewProblemIsNumberedUnderInvestigationAndLinkedToItsIncident() {
        Problem problem = create("ディスク監視の閾値", ScriptedHistory.number(incident));

        assertThat(problem.number()).isEqualTo(String.format("PRB-%06d", problem.id()));
        assertThat(problem.state()).isEqualTo(ProblemState.INVESTIGATE);
        assertThat(problem.title()).isEqualTo("ディスク監視の閾値");
        assertThat(problem.owner()).isEqualTo("tanaka");
        assertThat(problem.createdBy()).isEqualTo("suzuki");
        assertThat(problem.createdAt()).isEqualTo(NOW.atOffset(ZoneOffset.UTC));
        assertThat(problem.incidents()).containsExactly(ScriptedHistory.number(incident));
        verify(audit).record(eq("suzuki"), eq("PROBLEM_CREATED"), eq("problem"), eq(problem.number()), anyMap());
    }

    @Test
    void investigateThenKnownErrorWithWorkaroundThenResolved() {
        Problem problem = create("WAL の肥大化", null);

        Problem known = problems.transition(problem.number(),
                new ProblemTransition(ProblemState.KNOWN_ERROR, "古い WAL を手で削除", "アーカイブ先の権限", null), "tanaka");
        assertThat(known.state()).isEqualTo(ProblemState.KNOWN_ERROR);
        assertThat(known.workaround()).isEqualTo("古い WAL を手で削除");
        assertThat(known.rootCause()).isEqualTo("アーカイブ先の権限");
        assertThat(known.updatedBy()).isEqualTo("tanaka");
        assertThat(known.resolvedAt()).isNull();

        Problem resolved = problems.transition(problem.number(),
                new ProblemTransition(ProblemState.RESOLVED, null, null, "権限を修正"), "tanaka");
        assertThat(resolved.state()).isEqualTo(ProblemState.RESOLVED);
        assertThat(resolved.resolution()).isEqualTo("権限を修正");
        assertThat(resolved.workaround()).as("kept").isEqualTo("古い WAL を手で削除");
        assertThat(resolved.resolvedAt()).isEqualTo(NOW.atOffset(ZoneOffset.UTC));
        verify(audit).record(eq("tanaka"), eq("PROBLEM_KNOWN_ERROR"), eq("problem"), eq(problem.number()), anyMap());
        verify(audit).record(eq("tanaka"), eq("PROBLEM_RESOLVED"), eq("problem"), eq(problem.number()), anyMap());
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @CsvSource({"KNOWN_ERROR, INVESTIGATE", "RESOLVED, INVESTIGATE", "RESOLVED, KNOWN_ERROR", "RESOLVED, RESOLVED",
            "INVESTIGATE, INVESTIGATE"})
    void transitionsTheStateDoesNotAllowAreConflicts(ProblemState from, ProblemState to) {
        Problem problem = inState(from);

        assertThatThrownBy(() -> problems.transition(problem.number(),
                new ProblemTransition(to, "w", null, "r"), "tanaka"))
                .isInstanceOfSatisfying(ProblemConflictException.class, e -> assertThat(e.field()).isEqualTo("state"));
        assertThat(problems.find(problem.number()).state()).isEqualTo(from);
    }

    @Test
    void aKnownErrorNeedsAWorkaround() {
        Problem problem = create("No workaround yet", null);

        assertThatThrownBy(() -> problems.transition(problem.number(),
                new ProblemTransition(ProblemState.KNOWN_ERROR, "  ", null, null), "tanaka"))
                .isInstanceOfSatisfying(ProblemValidationException.class,
                        e -> assertThat(e.errors()).extracting(ProblemValidationException.FieldError::field)
                                .containsExactly("workaround"));
        assertThat(problems.find(problem.number()).state()).isEqualTo(ProblemState.INVESTIGATE);
        verify(audit, never()).record(eq("tanaka"), eq("PROBLEM_KNOWN_ERROR"), eq("problem"), eq(problem.number()),
                anyMap());
    }

    @Test
    void resolvingNeedsAResolution() {
        Problem problem = create("No fix yet", null);

        assertThatThrownBy(() -> problems.transition(problem.number(),
                new ProblemTransition(ProblemState.RESOLVED, null, null, null), "tanaka"))
                .isInstanceOfSatisfying(ProblemValidationException.class,
                        e -> assertThat(e.errors()).extracting(ProblemValidationException.FieldError::field)
                                .containsExactly("resolution"));
    }

    @Test
    void aLaterIncidentWithTheSameCauseIsLinkedOnce() {
        Problem problem = create("WAL の肥大化", ScriptedHistory.number(incident));
        long later = history.incident("また DB 停止", 2, "database", REGISTERED.plusDays(3), REGISTERED.plusDays(3));

        problems.link(problem.number(), ScriptedHistory.number(later).toLowerCase(), "tanaka");
        Problem linked = problems.link(problem.number(), ScriptedHistory.number(later), "tanaka");

        assertThat(linked.incidents()).containsExactly(ScriptedHistory.number(incident), ScriptedHistory.number(later));
        assertThat(problems.list(null, ScriptedHistory.number(later))).extracting(Problem::number)
                .containsExactly(problem.number());
        verify(audit).record(eq("tanaka"), eq("PROBLEM_INCIDENT_LINKED"), eq("problem"), eq(problem.number()),
                anyMap());
    }

    @Test
    void linkingAnUnknownIncidentNamesTheField() {
        Problem problem = create("Orphan", null);

        assertThatThrownBy(() -> problems.link(problem.number(), "INC-999999", "tanaka"))
                .isInstanceOfSatisfying(ProblemValidationException.class,
                        e -> assertThat(e.errors()).extracting(ProblemValidationException.FieldError::field)
                                .containsExactly("incident"));
    }

    @Test
    void aProblemNeedsATitle() {
        assertThatThrownBy(() -> problems.create(new NewProblem(" ", null, null, null, null), "suzuki"))
                .isInstanceOfSatisfying(ProblemValidationException.class,
                        e -> assertThat(e.errors()).extracting(ProblemValidationException.FieldError::field)
                                .containsExactly("title"));
    }

    @Test
    void theListFiltersByState() {
        Problem open = create("Open one", null);
        Problem known = inState(ProblemState.KNOWN_ERROR);

        assertThat(problems.list(ProblemState.INVESTIGATE, null)).extracting(Problem::number)
                .containsExactly(open.number());
        assertThat(problems.list(null, null)).extracting(Problem::number)
                .containsExactly(known.number(), open.number());
    }

    private Problem create(String title, String incidentNumber) {
        return problems.create(new NewProblem(title, "詳細", "tanaka", incidentNumber, null), "suzuki");
    }

    private Problem inState(ProblemState state) {
        Problem problem = create("In " + state, null);
        if (state == ProblemState.INVESTIGATE) {
            return problem;
        }
        problem = problems.transition(problem.number(),
                new ProblemTransition(ProblemState.KNOWN_ERROR, "restart", null, null), "tanaka");
        if (state == ProblemState.RESOLVED) {
            problem = problems.transition(problem.number(),
                    new ProblemTransition(ProblemState.RESOLVED, null, null, "fixed"), "tanaka");
        }
        return problem;
    }
}
