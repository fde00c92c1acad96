package io.incidentflow.report;

import java.util.List;

import io.incidentflow.report.ReportQueries.NoisyKey;
import io.incidentflow.report.ReportQueries.Source;

/** What the reports page shows: each chart as inline SVG and, below it, the same figures as a table. */
record Report(
        String from,
        String to,
        String zone,
        int weeks,
        String priorityChart,
        List<String> priorities,
        List<Row> priorityRows,
        String categoryChart,
        List<String> categories,
        List<Row> categoryRows,
        String timesChart,
        List<TimesRow> timesRows,
        String breachChart,
        List<BreachRow> breachRows,
        List<Source> sources,
        List<NoisyKey> noisiestKeys) {

    /** A week's counts, one per column of the table. */
    record Row(String week, List<Long> counts) {
    }

    /** Mean minutes to acknowledge and to resolve; "—" when no incident of the week got there. */
    record TimesRow(String week, String mtta, String mttr) {
    }

    record BreachRow(String week, long incidents, long responseBreaches, long resolutionBreaches) {
    }
}
