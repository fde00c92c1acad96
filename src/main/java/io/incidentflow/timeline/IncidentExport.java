package io.incidentflow.timeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * All incidents registered in a period with their timelines, as CSV (a row per timeline entry, the incident's
 * columns repeated) or JSON. Written as it is read: one incident's timeline in memory at a time.
 */
@Service
class IncidentExport {

    /**
     * Excel opens a CSV without a byte order mark in the Windows code page (Shift_JIS on a Japanese Windows), which
     * garbles UTF-8 Japanese; the BOM makes it read UTF-8. Other tools (Python's csv with utf-8-sig, LibreOffice)
     * accept it.
     */
    static final String BOM = "\uFEFF";
    static final List<String> COLUMNS = List.of("incident", "title", "status", "priority", "category", "service",
            "registeredAt", "resolvedAt", "closedAt", "at", "kind", "actor", "text", "details");

    private final JdbcClient jdbc;
    private final IncidentService incidents;
    private final Timeline timeline;
    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();

    IncidentExport(JdbcClient jdbc, IncidentService incidents, Timeline timeline, ObjectMapper json) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.timeline = timeline;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public void csv(Period period, OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(schema::addColumn);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        try (SequenceWriter rows = csv.writer(schema.build()).writeValues(writer)) {
            for (String number : numbers(period)) {
                Incident incident = incidents.findByNumber(number).orElseThrow();
                List<TimelineEntry> entries = timeline.of(incident);
                if (entries.isEmpty()) {
                    rows.write(row(incident, null));
                }
                for (TimelineEntry entry : entries) {
                    rows.write(row(incident, entry));
                }
            }
        }
    }

    @Transactional(readOnly = true)
    public void json(Period period, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("from", period.from().toString());
            generator.writeStringField("to", period.to().toString());
            generator.writeArrayFieldStart("incidents");
            for (String number : numbers(period)) {
                Incident incident = incidents.findByNumber(number).orElseThrow();
                generator.writeStartObject();
                generator.writeObjectField("incident", incident);
                generator.writeObjectField("timeline", timeline.of(incident));
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    List<String> numbers(Period period) {
        return jdbc.sql("""
                SELECT number FROM incident WHERE registered_at >= :from AND registered_at < :to
                 ORDER BY registered_at, id""")
                .param("from", period.from()).param("to", period.to())
                .query(String.class).list();
    }

    private List<String> row(Incident incident, TimelineEntry entry) throws IOException {
        List<String> row = new ArrayList<>(Arrays.asList(incident.number(), incident.title(), incident.status().name(),
                text(incident.priority()), incident.category(), incident.service(), text(incident.registeredAt()),
                text(incident.resolvedAt()), text(incident.closedAt())));
        if (entry == null) {
            row.addAll(Arrays.asList("", "", "", "", ""));
        } else {
            row.addAll(Arrays.asList(entry.at().toString(), entry.kind(), text(entry.actor()), entry.text(),
                    json.writeValueAsString(entry.details())));
        }
        // A list row with null leaves the cell out, shifting the columns after it: empty instead.
        return row.stream().map(IncidentExport::text).toList();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
