package io.incidentflow.timeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.incidentflow.incident.Incident;
import io.incidentflow.notification.DeliveryStatus;
import io.incidentflow.notification.NotificationDelivery;
import io.incidentflow.notification.NotificationEvent;
import io.incidentflow.notification.NotificationService;

import org.springframework.stereotype.Component;

/** Every attempt to notify someone about the incident, sent or failed; a page of the next stage is an escalation. */
@Component
class NotificationEntries implements TimelineSource {

    private final NotificationService notifications;

    NotificationEntries(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<TimelineEntry> entriesFor(Incident incident) {
        return notifications.deliveriesFor(incident.number()).stream().map(NotificationEntries::entry).toList();
    }

    private static TimelineEntry entry(NotificationDelivery delivery) {
        String channel = delivery.channelType() == null ? "unknown channel"
                : delivery.channelType().name().toLowerCase(Locale.ROOT);
        boolean sent = delivery.result() == DeliveryStatus.SENT;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("event", delivery.event().name());
        details.put("contact", delivery.contactId());
        details.put("channel", channel);
        details.put("result", delivery.result().name());
        details.put("attempt", delivery.attempt());
        put(details, "target", delivery.target());
        put(details, "stage", delivery.stage());
        put(details, "error", delivery.error());
        put(details, "detail", delivery.detail());
        boolean escalation = delivery.event() == NotificationEvent.ESCALATED;
        String text = (escalation ? "Escalation stage " + delivery.stage() + ": " : "")
                + delivery.event().template() + " notice " + (sent ? "sent to " : "failed for ")
                + delivery.contactId() + " via " + channel;
        return new TimelineEntry(delivery.at(), escalation ? TimelineEntry.ESCALATION : TimelineEntry.NOTIFICATION,
                delivery.contactId(), text, details);
    }

    private static void put(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
