package io.incidentflow.report;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reports' figures from our own tables (never the engine's), in SQL that H2 and PostgreSQL both run:
 * durations as differences of epoch seconds, weeks as whole multiples of seven days from the period's start.
 */
@Repository
class ReportQueries {

    private static final String WEEK = "FLOOR((EXTRACT(EPOCH FROM registered_at) - :origin) / " + ReportPeriod.WEEK_SECONDS
            + ")";

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Incidents registered per week and {@code priority} or {@code category} (null when not classified yet). */
    record WeekCount(int week, String key, long incidents) {
    }

    /** Mean seconds to acknowledge and to resolve of the incidents registered in the week; null without any. */
    record WeekTimes(int week, Double meanSecondsToAcknowledge, Double meanSecondsToResolve) {
    }

    record WeekBreaches(int week, long incidents, long responseBreaches, long resolutionBreaches) {
    }

    record Source(String integration, long alerts, long opened, long duplicates) {
    }

    record NoisyKey(String integration, String dedupKey, long alerts, long incidents) {
    }

    List<WeekCount> incidentsByPriority(ReportPeriod period) {
        return countsBy("CAST(priority AS VARCHAR(10))", period);
    }

    List<WeekCount> incidentsByCategory(ReportPeriod period) {
        return countsBy("category", period);
    }

    private List<WeekCount> countsBy(String key, ReportPeriod period) {
        return jdbc.sql("SELECT week, k, COUNT(*) AS n FROM (SELECT " + WEEK + " AS week, " + key + " AS k"
                        + " FROM incident WHERE registered_at >= :from AND registered_at < :to) w"
                        + " GROUP BY week, k ORDER BY week, k")
                .param("origin", period.origin()).param("from", period.from()).param("to", period.to())
                .query((rs, n) -> new WeekCount(rs.getInt("week"), rs.getString("k"), rs.getLong("n")))
                .list();
    }

    List<WeekTimes> meanTimes(ReportPeriod period) {
        return jdbc.sql("""
                SELECT week, AVG(ack) AS mtta, AVG(res) AS mttr FROM (
                    SELECT %s AS week,
                           EXTRACT(EPOCH FROM acknowledged_at) - EXTRACT(EPOCH FROM registered_at) AS ack,
                           EXTRACT(EPOCH FROM resolved_at) - EXTRACT(EPOCH FROM registered_at) AS res
                      FROM incident WHERE registered_at >= :from AND registered_at < :to) w
                 GROUP BY week ORDER BY week""".formatted(WEEK))
                .param("origin", period.origin()).param("from", period.from()).param("to", period.to())
                .query((rs, n) -> new WeekTimes(rs.getInt("week"), seconds(rs.getBigDecimal("mtta")),
                        seconds(rs.getBigDecimal("mttr"))))
                .list();
    }

    /** PostgreSQL answers NUMERIC for the averages and does not convert it to Double by itself. */
    private static Double seconds(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    List<WeekBreaches> breaches(ReportPeriod period) {
        return jdbc.sql("""
                SELECT week, COUNT(*) AS n, SUM(rb) AS response, SUM(sb) AS resolution FROM (
                    SELECT %s AS week,
                           CASE WHEN response_breached THEN 1 ELSE 0 END AS rb,
                           CASE WHEN resolution_breached THEN 1 ELSE 0 END AS sb
                      FROM incident WHERE registered_at >= :from AND registered_at < :to) w
                 GROUP BY week ORDER BY week""".formatted(WEEK))
                .param("origin", period.origin()).param("from", period.from()).param("to", period.to())
                .query((rs, n) -> new WeekBreaches(rs.getInt("week"), rs.getLong("n"), rs.getLong("response"),
                        rs.getLong("resolution")))
                .list();
    }

    List<Source> topSources(ReportPeriod period, int limit) {
        return jdbc.sql("""
                SELECT i.name, COUNT(*) AS alerts,
                       SUM(CASE WHEN a.outcome = 'NEW' THEN 1 ELSE 0 END) AS opened,
                       SUM(CASE WHEN a.outcome = 'DUPLICATE' THEN 1 ELSE 0 END) AS duplicates
                  FROM alert a JOIN integration i ON i.id = a.integration_id
                 WHERE a.received_at >= :from AND a.received_at < :to
                 GROUP BY i.name ORDER BY alerts DESC, i.name LIMIT :limit""")
                .param("from", period.from()).param("to", period.to()).param("limit", limit)
                .query((rs, n) -> new Source(rs.getString("name"), rs.getLong("alerts"), rs.getLong("opened"),
                        rs.getLong("duplicates")))
                .list();
    }

    List<NoisyKey> noisiestKeys(ReportPeriod period, int limit) {
        return jdbc.sql("""
                SELECT i.name, a.dedup_key, COUNT(*) AS alerts, COUNT(DISTINCT a.incident_id) AS incidents
                  FROM alert a JOIN integration i ON i.id = a.integration_id
                 WHERE a.received_at >= :from AND a.received_at < :to
                 GROUP BY i.name, a.dedup_key ORDER BY alerts DESC, i.name, a.dedup_key LIMIT :limit""")
                .param("from", period.from()).param("to", period.to()).param("limit", limit)
                .query((rs, n) -> new NoisyKey(rs.getString("name"), rs.getString("dedup_key"), rs.getLong("alerts"),
                        rs.getLong("incidents")))
                .list();
    }
}
