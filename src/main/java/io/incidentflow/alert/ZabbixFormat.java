package io.incidentflow.alert;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.integration.Integration;
import io.incidentflow.integration.IntegrationType;

/**
 * The JSON our Zabbix webhook media type posts (docs/zabbix-media-type.md defines its parameters).
 * Zabbix puts the problem's id in {@code {EVENT.ID}} of the recovery and update messages as well, so
 * {@code event_id} is the dedup key of all three. {@code event_value} 1 is a problem (firing), 0 a recovery
 * (resolved); an update ({@code event_update_status} 1) of an acknowledged problem is an acknowledgement.
 * A value that is still a macro ({@code {EVENT.RECOVERY.ID}} in a problem message) counts as absent.
 */
@Component
class ZabbixFormat implements AlertFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNRESOLVED_MACRO = Pattern.compile("\\{\\$?[A-Z0-9_.]+}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu.MM.dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** {@code {EVENT.NSEVERITY}} 0 Not classified … 5 Disaster onto impact 5 … 1. */
    private static final int[] IMPACT_BY_NSEVERITY = {5, 4, 3, 3, 2, 1};

    @Override
    public IntegrationType type() {
        return IntegrationType.ZABBIX;
    }

    @Override
    public List<Alert> parse(JsonNode payload, Integration integration) {
        Fields.object(payload, Fields.ROOT);
        String eventId = value(payload, "event_id");
        if (eventId == null) {
            throw new AlertFormatException("event_id", "is required ({EVENT.ID})");
        }
        String eventValue = value(payload, "event_value");
        if (eventValue == null) {
            throw new AlertFormatException("event_value", "is required ({EVENT.VALUE})");
        }
        boolean problem = switch (eventValue) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new AlertFormatException("event_value", "must be 1 (problem) or 0 (recovery)");
        };
        String summary = AlertText.firstNonBlank(value(payload, "trigger_name"), value(payload, "subject"));
        if (summary == null) {
            throw new AlertFormatException("trigger_name", "is required ({EVENT.NAME})");
        }
        boolean update = "1".equals(value(payload, "event_update_status"));
        boolean acknowledged = "yes".equalsIgnoreCase(value(payload, "event_ack_status"));

        AlertStatus status;
        String phase;
        if (!problem) {
            status = AlertStatus.RESOLVED;
            phase = "recovery" + suffix(value(payload, "recovery_event_id"));
        } else if (update) {
            status = acknowledged ? AlertStatus.ACKNOWLEDGED : AlertStatus.FIRING;
            phase = "update" + suffix(value(payload, "event_update_date")) + suffix(value(payload, "event_update_time"));
        } else {
            status = AlertStatus.FIRING;
            phase = "problem";
        }

        String severity = value(payload, "severity");
        String host = value(payload, "host");
        String triggerId = value(payload, "trigger_id");
        AlertBuilder builder = new AlertBuilder()
                .dedupKey(eventId)
                .status(status)
                .summary(summary)
                .detail(value(payload, "message"))
                .severity(severity)
                .impact(impactOf(value(payload, "severity_id")))
                .labels(tags(payload.get("tags")))
                .label("host", host)
                .label("host_ip", value(payload, "host_ip"))
                .label("trigger_id", triggerId)
                .startedAt(startedAt(payload))
                .eventId("zabbix:" + eventId + ":" + phase);
        String zabbixUrl = value(payload, "zabbix_url");
        builder.link("Zabbix event", value(payload, "event_url"));
        if (zabbixUrl != null && triggerId != null) {
            builder.link("Zabbix event", zabbixUrl.replaceAll("/+$", "") + "/tr_events.php?triggerid="
                    + triggerId + "&eventid=" + eventId);
        }
        builder.link("Zabbix", zabbixUrl);
        return List.of(builder.build(integration));
    }

    /** The trimmed value, or null when absent, blank or an unresolved macro. */
    private static String value(JsonNode payload, String name) {
        String value = Fields.optionalText(payload, name, Fields.ROOT);
        if (value == null || value.isBlank() || UNRESOLVED_MACRO.matcher(value.strip()).matches()) {
            return null;
        }
        return value.strip();
    }

    private static String suffix(String part) {
        return part == null ? "" : ":" + part;
    }

    private static Integer impactOf(String severityId) {
        if (severityId == null) {
            return null;
        }
        if (!severityId.matches("[0-5]")) {
            throw new AlertFormatException("severity_id", "must be 0 (Not classified) to 5 (Disaster) ({EVENT.NSEVERITY})");
        }
        return IMPACT_BY_NSEVERITY[Integer.parseInt(severityId)];
    }

    /**
     * {@code {EVENT.TAGSJSON}}: [{"tag": "scope", "value": "availability"}, …], as an array or still as the
     * JSON string Zabbix substitutes; a plain {"tag": "value"} object is accepted too. A tag that occurs
     * more than once keeps all its values, comma-separated.
     */
    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (!Fields.present(node)) {
            return labels;
        }
        JsonNode tags = node;
        if (node.isTextual()) {
            String text = node.asText().strip();
            if (text.isEmpty() || UNRESOLVED_MACRO.matcher(text).matches()) {
                return labels;
            }
            try {
                tags = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw new AlertFormatException("tags", "must be the JSON array of {EVENT.TAGSJSON}");
            }
        }
        if (tags.isObject()) {
            return Fields.stringMap(tags, "tags");
        }
        if (!tags.isArray()) {
            throw new AlertFormatException("tags", "must be the JSON array of {EVENT.TAGSJSON}");
        }
        for (int i = 0; i < tags.size(); i++) {
            String path = Fields.index("tags", i);
            JsonNode tag = Fields.object(tags.get(i), path);
            String name = Fields.text(tag, "tag", path);
            String value = Fields.optionalText(tag, "value", path);
            value = value == null ? "" : value;
            labels.merge(name, value, (old, added) -> old.isEmpty() ? added : added.isEmpty() ? old : old + "," + added);
        }
        return labels;
    }

    /** {EVENT.DATE} {EVENT.TIME} in {@code event_tz} (an IANA zone or offset), UTC when not given. */
    private static OffsetDateTime startedAt(JsonNode payload) {
        String date = value(payload, "event_date");
        String time = value(payload, "event_time");
        if (date == null && time == null) {
            return null;
        }
        if (date == null) {
            throw new AlertFormatException("event_date", "is required with event_time ({EVENT.DATE}, yyyy.MM.dd)");
        }
        if (time == null) {
            throw new AlertFormatException("event_time", "is required with event_date ({EVENT.TIME}, HH:mm:ss)");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date, DATE);
        } catch (DateTimeParseException e) {
            throw new AlertFormatException("event_date", "must be yyyy.MM.dd like {EVENT.DATE}, got \"" + date + "\"");
        }
        LocalTime clock;
        try {
            clock = LocalTime.parse(time, TIME);
        } catch (DateTimeParseException e) {
            throw new AlertFormatException("event_time", "must be HH:mm:ss like {EVENT.TIME}, got \"" + time + "\"");
        }
        String tz = value(payload, "event_tz");
        ZoneId zone;
        try {
            zone = tz == null ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new AlertFormatException("event_tz", "must be a time zone such as Asia/Tokyo or +09:00, got \"" + tz + "\"");
        }
        return LocalDateTime.of(day, clock).atZone(zone).toOffsetDateTime();
    }
}
