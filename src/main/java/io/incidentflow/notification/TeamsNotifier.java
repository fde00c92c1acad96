package io.incidentflow.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.ContactChannel;

import org.springframework.stereotype.Component;

/**
 * Microsoft Teams: a message with one Adaptive Card, the payload that both the Workflows ("Post to a channel when
 * a webhook request is received") and the retiring Office 365 connector webhooks accept. One TextBlock per line,
 * because Teams joins the lines of a single block; an OpenUrl action when there is an acknowledge link.
 */
@Component
class TeamsNotifier implements NotificationChannel {

    private final MessageTemplates templates;
    private final HttpSender http;
    private final ObjectMapper json;

    TeamsNotifier(MessageTemplates templates, HttpSender http, ObjectMapper json) {
        this.templates = templates;
        this.http = http;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TEAMS;
    }

    @Override
    public DeliveryResult send(Notification n, ContactChannel target) {
        RenderedMessage message = templates.render(n, ChannelType.TEAMS);
        ObjectNode card = json.createObjectNode()
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", message.subject()).put("weight", "Bolder")
                .put("size", "Medium").put("wrap", true);
        message.body().lines().filter(line -> !line.isBlank())
                .forEach(line -> body.addObject().put("type", "TextBlock").put("text", line).put("wrap", true));
        String ackUrl = n.notice().ackUrl();
        if (ackUrl != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl")
                    .put("title", n.recipient().locale().equals("ja") ? "応答する" : "Acknowledge")
                    .put("url", ackUrl);
        }
        ObjectNode payload = json.createObjectNode().put("type", "message");
        payload.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .set("content", card);
        return ChatPayloads.post(http, json, target, payload);
    }
}
