package io.incidentflow.timeline;

import java.io.IOException;
import java.util.Locale;

import io.incidentflow.incident.IncidentValidationException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/exports/incidents?from=2026-11-01&to=2026-12-01&format=csv|json[&zone=Asia/Tokyo]}. */
@RestController
class ExportController {

    private final IncidentExport export;

    ExportController(IncidentExport export) {
        this.export = export;
    }

    @GetMapping("/api/exports/incidents")
    void incidents(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String zone, @RequestParam(defaultValue = "json") String format,
            HttpServletResponse response) throws IOException {
        Period period = Period.parse(from, to, zone);
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("json")) {
            throw new IncidentValidationException("format", "must be csv or json");
        }
        String name = "incidents-" + period.from().toLocalDate() + "-" + period.to().toLocalDate() + "." + kind;
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        response.setCharacterEncoding("UTF-8");
        if (kind.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            export.csv(period, response.getOutputStream());
        } else {
            response.setContentType("application/json");
            export.json(period, response.getOutputStream());
        }
    }
}
