package io.incidentflow.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.ContactChannel;

import org.springframework.stereotype.Component;

/**
 * Slack incoming webhooks ({@code {"text": …}}); Mattermost and Rocket.Chat take the same payload. The text is
 * escaped as Slack asks (&amp;, &lt;, &gt;), so a title such as {@code <db01>} is shown, not taken for a link.
 */
@Component
class SlackNotifier implements NotificationChannel {

    private final MessageTemplates templates;
    private final HttpSender http;
    private final ObjectMapper json;

    SlackNotifier(MessageTemplates templates, HttpSender http, ObjectMapper json) {
        this.templates = templates;
        this.http = http;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SLACK;
    }

    @Override
    public DeliveryResult send(Notification n, ContactChannel target) {
        RenderedMessage message = templates.render(n, ChannelType.SLACK);
        ObjectNode payload = json.createObjectNode()
                .put("text", escape(message.subject() + "\n\n" + message.body()));
        return ChatPayloads.post(http, json, target, payload);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
