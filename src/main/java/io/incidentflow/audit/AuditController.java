package io.incidentflow.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.incidentflow.incident.IncidentValidationException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for auditors: its entries, and whether the hash chain still holds. */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    static final int MAX_LIMIT = 10_000;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/verify")
    AuditVerification verify() {
        return log.verify();
    }

    /** {@code from} inclusive, {@code to} exclusive, both optional ISO-8601 date-times with offset. */
    @GetMapping
    List<AuditEntry> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IncidentValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return log.list(time("from", from), time("to", to), limit);
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IncidentValidationException(name, "must be an ISO-8601 date and time with offset, e.g. "
                    + "2026-12-01T00:00:00+09:00");
        }
    }
}
