package io.incidentflow.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import io.incidentflow.report.Report.BreachRow;
import io.incidentflow.report.Report.Row;
import io.incidentflow.report.Report.TimesRow;
import io.incidentflow.report.ReportQueries.WeekBreaches;
import io.incidentflow.report.ReportQueries.WeekCount;
import io.incidentflow.report.ReportQueries.WeekTimes;
import io.incidentflow.report.SvgCharts.Series;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns the report queries into the page's charts and tables. */
@Service
class ReportService {

    static final int TOP = 10;
    private static final String UNCLASSIFIED = "未分類 / unclassified";
    private static final List<String> PRIORITY_COLORS = List.of("#c62828", "#ef6c00", "#f9a825", "#1565c0",
            "#78909c", "#bdbdbd");
    private static final List<String> PALETTE = List.of("#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f",
            "#ad1457", "#5d4037", "#9e9d24", "#455a64", "#bdbdbd");
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MM-dd");

    private final ReportQueries queries;

    ReportService(ReportQueries queries) {
        this.queries = queries;
    }

    @Transactional(readOnly = true)
    Report report(LocalDate until, int weeks, ZoneId zone) {
        ReportPeriod period = ReportPeriod.ending(until, weeks, zone);
        List<String> labels = period.mondays().stream().map(WEEK::format).toList();

        List<String> priorities = List.of("P1", "P2", "P3", "P4", "P5", UNCLASSIFIED);
        List<WeekCount> byPriority = queries.incidentsByPriority(period);
        List<Row> priorityRows = rows(labels, byPriority, priorities, key -> key == null ? UNCLASSIFIED : "P" + key);

        List<WeekCount> byCategory = queries.incidentsByCategory(period);
        TreeSet<String> named = new TreeSet<>();
        byCategory.stream().map(WeekCount::key).filter(Objects::nonNull).forEach(named::add);
        List<String> categories = new ArrayList<>(named);
        if (byCategory.stream().anyMatch(c -> c.key() == null)) {
            categories.add(UNCLASSIFIED);
        }
        List<Row> categoryRows = rows(labels, byCategory, categories, key -> key == null ? UNCLASSIFIED : key);

        List<WeekTimes> times = queries.meanTimes(period);
        List<Double> mtta = perWeek(labels.size(), times, WeekTimes::week, t -> minutes(t.meanSecondsToAcknowledge()));
        List<Double> mttr = perWeek(labels.size(), times, WeekTimes::week, t -> minutes(t.meanSecondsToResolve()));
        List<TimesRow> timesRows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            timesRows.add(new TimesRow(labels.get(i), text(mtta.get(i)), text(mttr.get(i))));
        }

        List<WeekBreaches> breaches = queries.breaches(period);
        List<BreachRow> breachRows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int week = i;
            WeekBreaches b = breaches.stream().filter(x -> x.week() == week).findFirst()
                    .orElse(new WeekBreaches(week, 0, 0, 0));
            breachRows.add(new BreachRow(labels.get(i), b.incidents(), b.responseBreaches(), b.resolutionBreaches()));
        }

        return new Report(period.firstMonday().toString(), period.firstMonday().plusWeeks(weeks).minusDays(1).toString(),
                zone.getId(), weeks,
                SvgCharts.stackedBars("週ごとのインシデント（優先度別） / Incidents per week by priority", labels,
                        series(priorities, priorityRows, PRIORITY_COLORS)),
                priorities, priorityRows,
                SvgCharts.stackedBars("週ごとのインシデント（カテゴリ別） / Incidents per week by category", labels,
                        series(categories, categoryRows, PALETTE)),
                categories, categoryRows,
                SvgCharts.lines("MTTA と MTTR（分） / MTTA and MTTR (minutes)", labels, List.of(
                        new Series("MTTA", "#1565c0", mtta), new Series("MTTR", "#c62828", mttr))),
                timesRows,
                SvgCharts.stackedBars("SLA 違反 / SLA breaches", labels, List.of(
                        new Series("応答 / response", "#ef6c00",
                                breachRows.stream().map(r -> (double) r.responseBreaches()).toList()),
                        new Series("解決 / resolution", "#c62828",
                                breachRows.stream().map(r -> (double) r.resolutionBreaches()).toList()))),
                breachRows,
                queries.topSources(period, TOP),
                queries.noisiestKeys(period, TOP));
    }

    private static List<Row> rows(List<String> labels, List<WeekCount> counts, List<String> columns,
            Function<String, String> column) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            List<Long> values = new ArrayList<>(Collections.nCopies(columns.size(), 0L));
            for (WeekCount count : counts) {
                int index = columns.indexOf(column.apply(count.key()));
                if (count.week() == i && index >= 0) {
                    values.set(index, values.get(index) + count.incidents());
                }
            }
            rows.add(new Row(labels.get(i), values));
        }
        return rows;
    }

    private static List<Series> series(List<String> columns, List<Row> rows, List<String> colors) {
        List<Series> series = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            series.add(new Series(columns.get(c), colors.get(Math.min(c, colors.size() - 1)),
                    rows.stream().map(r -> (double) r.counts().get(column)).toList()));
        }
        return series;
    }

    private static <T> List<Double> perWeek(int weeks, List<T> values, Function<T, Integer> week,
            Function<T, Double> value) {
        List<Double> result = new ArrayList<>(Collections.nCopies(weeks, (Double) null));
        for (T v : values) {
            int w = week.apply(v);
            if (w >= 0 && w < weeks) {
                result.set(w, value.apply(v));
            }
        }
        return result;
    }

    private static Double minutes(Double seconds) {
        return seconds == null ? null : seconds / 60;
    }

    private static String text(Double minutes) {
        return minutes == null ? "—" : SvgCharts.number(Math.round(minutes * 10) / 10.0);
    }
}
