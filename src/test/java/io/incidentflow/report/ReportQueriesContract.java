package io.incidentflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.incidentflow.report.ReportQueries.NoisyKey;
import io.incidentflow.report.ReportQueries.Source;
import io.incidentflow.report.ReportQueries.WeekBreaches;
import io.incidentflow.report.ReportQueries.WeekCount;
import io.incidentflow.report.ReportQueries.WeekTimes;
import io.incidentflow.support.ScriptedHistory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reports' SQL on known data, run unchanged against H2 and PostgreSQL. */
abstract class ReportQueriesContract {

    /** Two weeks: Monday 2 March 2026 00:00 UTC to Monday 16 March. */
    static final ReportPeriod PERIOD = ReportPeriod.ending(LocalDate.parse("2026-03-15"), 2, ZoneOffset.UTC);

    abstract DataSource dataSource();

    ReportQueries queries;

    @BeforeEach
    void knownHistory() {
        JdbcClient jdbc = JdbcClient.create(dataSource());
        ScriptedHistory history = new ScriptedHistory(jdbc);
        history.clear();
        jdbc.sql("DELETE FROM integration").update();
        queries = new ReportQueries(jdbc);
        long zabbix = history.integration("zabbix");
        long prometheus = history.integration("prometheus");

        long a = worked(history, 1, "database", at("2026-03-02T09:00:00Z"), 10, 60);
        history.breached(a, false, true);
        long b = worked(history, 3, "network", at("2026-03-04T12:00:00Z"), 20, 120);
        history.breached(b, true, false);
        long c = worked(history, 1, "database", at("2026-03-10T08:00:00Z"), 30, null);
        worked(history, 5, "network", at("2026-03-15T23:59:00Z"), null, null);
        // Before the period in UTC, inside it in Tokyo (Monday 2 March 00:00 JST is 1 March 15:00 UTC).
        long early = worked(history, 2, "application", at("2026-03-01T23:00:00Z"), null, null);

        history.alert(zabbix, a, "db01", "NEW", null, at("2026-03-02T08:59:00Z"));
        for (int i = 1; i <= 3; i++) {
            history.alert(zabbix, a, "db01", "DUPLICATE", null, at("2026-03-02T09:0" + i + ":00Z"));
        }
        history.alert(zabbix, b, "sw01", "NEW", null, at("2026-03-04T11:59:00Z"));
        history.alert(prometheus, c, "db01", "NEW", null, at("2026-03-10T07:59:00Z"));
        history.alert(prometheus, c, "db01", "DUPLICATE", null, at("2026-03-10T08:05:00Z"));
        history.alert(prometheus, early, "app", "NEW", null, at("2026-03-01T22:59:00Z"));
    }

    @Test
    void incidentsPerWeekByPriority() {
        assertThat(queries.incidentsByPriority(PERIOD)).containsExactly(
                new WeekCount(0, "1", 1), new WeekCount(0, "3", 1),
                new WeekCount(1, "1", 1), new WeekCount(1, "5", 1));
    }

    @Test
    void incidentsPerWeekByCategory() {
        assertThat(queries.incidentsByCategory(PERIOD)).containsExactly(
                new WeekCount(0, "database", 1), new WeekCount(0, "network", 1),
                new WeekCount(1, "database", 1), new WeekCount(1, "network", 1));
    }

    @Test
    void meanTimesToAcknowledgeAndResolvePerWeekCountOnlyIncidentsThatGotThere() {
        assertThat(queries.meanTimes(PERIOD)).containsExactly(
                new WeekTimes(0, 900.0, 5400.0),
                new WeekTimes(1, 1800.0, null));
    }

    @Test
    void slaBreachesPerWeek() {
        assertThat(queries.breaches(PERIOD)).containsExactly(
                new WeekBreaches(0, 2, 1, 1),
                new WeekBreaches(1, 2, 0, 0));
    }

    @Test
    void topAlertSourcesCountAlertsOpeningsAndDuplicates() {
        assertThat(queries.topSources(PERIOD, 10)).containsExactly(
                new Source("zabbix", 5, 2, 3),
                new Source("prometheus", 2, 1, 1));
        assertThat(queries.topSources(PERIOD, 1)).hasSize(1);
    }

    @Test
    void noisiestDedupKeysAreCountedPerIntegration() {
        assertThat(queries.noisiestKeys(PERIOD, 10)).containsExactly(
                new NoisyKey("zabbix", "db01", 4, 1),
                new NoisyKey("prometheus", "db01", 2, 1),
                new NoisyKey("zabbix", "sw01", 1, 1));
    }

    @Test
    void weeksStartOnMondayInTheChosenZone() {
        ReportPeriod tokyo = ReportPeriod.ending(LocalDate.parse("2026-03-15"), 2, ZoneId.of("Asia/Tokyo"));

        assertThat(queries.incidentsByPriority(tokyo)).contains(new WeekCount(0, "2", 1));
        // 23:59 UTC on Sunday 15 March is Monday 16 March in Tokyo: after the period.
        assertThat(queries.incidentsByPriority(tokyo)).doesNotContain(new WeekCount(1, "5", 1));
    }

    private static long worked(ScriptedHistory history, int priority, String category, OffsetDateTime registered,
            Integer ackMinutes, Integer resolveMinutes) {
        long id = history.incident("incident P" + priority, priority, category, registered, registered);
        if (ackMinutes != null) {
            history.acknowledged(id, "tanaka", registered.plusMinutes(ackMinutes));
        }
        if (resolveMinutes != null) {
            history.resolved(id, "tanaka", registered.plusMinutes(resolveMinutes));
        }
        return id;
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(time);
    }
}
