package io.incidentflow.notification;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.incidentflow.contact.Contact;

/** The values a template may use, in the recipient's language and time zone. */
final class Placeholders {

    private Placeholders() {
    }

    static Map<String, String> of(Notification n) {
        Notice notice = n.notice();
        Contact recipient = n.recipient();
        Map<String, String> values = new HashMap<>();
        values.put("contact.id", recipient.id());
        values.put("contact.name", recipient.displayName());
        IncidentSummary incident = notice.incident();
        values.put("incident.number", incident == null ? null : incident.number());
        values.put("incident.title", incident == null ? null : incident.title());
        values.put("incident.priority", incident == null || incident.priority() == null ? null
                : "P" + incident.priority());
        values.put("incident.service", incident == null ? null : incident.service());
        values.put("stage", notice.stage() == null ? null : notice.stage().toString());
        values.put("actor", notice.actor());
        values.put("at", formatted(notice.at(), recipient));
        values.put("ackUrl", notice.ackUrl());
        values.put("code", notice.code());
        values.put("codeDigits", notice.code() == null ? null
                : notice.code().chars().mapToObj(Character::toString).collect(Collectors.joining(" ")));
        values.put("codeValidMinutes", notice.codeValidFor() == null ? null
                : Long.toString(notice.codeValidFor().toMinutes()));
        return values;
    }

    /** 2025-03-01 17:55 JST: unambiguous in both languages, with the zone spelled out. */
    private static String formatted(OffsetDateTime at, Contact recipient) {
        if (at == null) {
            return null;
        }
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", recipient.language())
                .format(at.atZoneSameInstant(recipient.zone()));
    }
}
