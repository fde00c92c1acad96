package io.incidentflow.notification;

/** What a notification tells; each has a template per locale and an event name in webhook payloads. */
public enum NotificationEvent {
    INCIDENT_OPENED("incident-opened", "incident.opened"),
    /** Nobody acknowledged in time: the next stage of the escalation is engaged. */
    ESCALATED("escalated", "incident.escalated"),
    ACKNOWLEDGED("acknowledged", "incident.acknowledged"),
    RESOLVED("resolved", "incident.resolved"),
    /** The code that activates a new contact channel; about no incident. */
    ACTIVATION_CODE("activation-code", "contact.activation-code");

    private final String template;
    private final String eventName;

    NotificationEvent(String template, String eventName) {
        this.template = template;
        this.eventName = eventName;
    }

    /** The file name stem: {@code incident-opened} → {@code incident-opened.ja.txt}. */
    public String template() {
        return template;
    }

    /** The {@code event} of the generic webhook payload. */
    public String eventName() {
        return eventName;
    }
}
