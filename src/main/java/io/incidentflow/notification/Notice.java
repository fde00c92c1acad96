package io.incidentflow.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What to tell, whoever receives it; rendered per recipient (language, time zone) by the notifiers. Build it with
 * the factory methods.
 *
 * @param stage        the escalation stage, for {@link NotificationEvent#ESCALATED}
 * @param actor        who acknowledged or resolved
 * @param at           when it happened; shown in the recipient's time zone
 * @param ackUrl       where the recipient acknowledges the incident, if anywhere
 * @param code         the activation code, for {@link NotificationEvent#ACTIVATION_CODE} only
 * @param codeValidFor how long the activation code is valid
 */
public record Notice(
        NotificationEvent event,
        IncidentSummary incident,
        Integer stage,
        String actor,
        OffsetDateTime at,
        String ackUrl,
        String code,
        Duration codeValidFor) {

    public Notice {
        Objects.requireNonNull(event, "event");
        if (event == NotificationEvent.ACTIVATION_CODE) {
            Objects.requireNonNull(code, "code");
        } else {
            Objects.requireNonNull(incident, "incident");
        }
        if (event == NotificationEvent.ESCALATED) {
            Objects.requireNonNull(stage, "stage");
        }
    }

    public static Notice incidentOpened(IncidentSummary incident, OffsetDateTime at, String ackUrl) {
        return new Notice(NotificationEvent.INCIDENT_OPENED, incident, null, null, at, ackUrl, null, null);
    }

    public static Notice escalated(IncidentSummary incident, int stage, OffsetDateTime at, String ackUrl) {
        return new Notice(NotificationEvent.ESCALATED, incident, stage, null, at, ackUrl, null, null);
    }

    public static Notice acknowledged(IncidentSummary incident, String by, OffsetDateTime at) {
        return new Notice(NotificationEvent.ACKNOWLEDGED, incident, null, by, at, null, null, null);
    }

    public static Notice resolved(IncidentSummary incident, String by, OffsetDateTime at) {
        return new Notice(NotificationEvent.RESOLVED, incident, null, by, at, null, null, null);
    }

    static Notice activationCode(String code, Duration validFor) {
        return new Notice(NotificationEvent.ACTIVATION_CODE, null, null, null, null, null, code, validFor);
    }

    public String incidentNumber() {
        return incident == null ? null : incident.number();
    }

    /** Without the code: notices end up in logs and exception messages. */
    @Override
    public String toString() {
        return "Notice[" + event + (incident == null ? "" : " " + incident.number())
                + (stage == null ? "" : " stage " + stage) + "]";
    }
}
