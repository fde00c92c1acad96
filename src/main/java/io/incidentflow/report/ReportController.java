package io.incidentflow.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

import io.incidentflow.incident.IncidentValidationException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /reports}: the reports page, server-rendered. {@code weeks} (1–104, default 12) whole weeks ending
 * with the week of {@code until} (default today), Monday to Sunday in {@code zone} (default UTC).
 */
@Controller
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/reports")
    String reports(@RequestParam(defaultValue = "12") int weeks,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(defaultValue = "UTC") String zone, Model model) {
        if (weeks < 1 || weeks > ReportPeriod.MAX_WEEKS) {
            throw new IncidentValidationException("weeks", "must be between 1 and " + ReportPeriod.MAX_WEEKS);
        }
        ZoneId zoneId = zone(zone);
        model.addAttribute("report", reports.report(until == null ? LocalDate.now(zoneId) : until, weeks, zoneId));
        return "reports";
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IncidentValidationException("zone", "must be a time zone such as UTC or Asia/Tokyo");
        }
    }
}
