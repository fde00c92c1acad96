package io.incidentflow.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.ContactChannel;

import org.springframework.stereotype.Component;

/**
 * A generic JSON webhook for anything else (a ticket system, a pager app, a script). The payload is documented in
 * docs/notifications.md; fields without a value are left out.
 */
@Component
class WebhookNotifier implements NotificationChannel {

    private final MessageTemplates templates;
    private final HttpSender http;
    private final ObjectMapper json;

    WebhookNotifier(MessageTemplates templates, HttpSender http, ObjectMapper json) {
        this.templates = templates;
        this.http = http;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public DeliveryResult send(Notification n, ContactChannel target) {
        RenderedMessage message = templates.render(n, ChannelType.WEBHOOK);
        Notice notice = n.notice();
        ObjectNode payload = json.createObjectNode().put("event", notice.event().eventName());
        payload.putObject("contact").put("id", n.recipient().id()).put("name", n.recipient().displayName());
        if (notice.incident() != null) {
            ObjectNode incident = payload.putObject("incident").put("number", notice.incident().number())
                    .put("title", notice.incident().title());
            putIfPresent(incident, "priority", notice.incident().priority());
            putIfPresent(incident, "service", notice.incident().service());
        }
        putIfPresent(payload, "stage", notice.stage());
        putIfPresent(payload, "actor", notice.actor());
        putIfPresent(payload, "at", notice.at() == null ? null : notice.at().toInstant().toString());
        putIfPresent(payload, "ackUrl", notice.ackUrl());
        putIfPresent(payload, "code", notice.code());
        payload.put("subject", message.subject()).put("text", message.body());
        return ChatPayloads.post(http, json, target, payload);
    }

    private static void putIfPresent(ObjectNode node, String name, Object value) {
        if (value instanceof Integer number) {
            node.put(name, number);
        } else if (value != null) {
            node.put(name, value.toString());
        }
    }
}
