package io.incidentflow.notification;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.ContactChannel;

/** SMS or voice: the template's subject line, sent through the configured provider. */
final class PhoneNotifier implements NotificationChannel {

    private final ChannelType type;
    private final PhoneGateway gateway;
    private final MessageTemplates templates;

    PhoneNotifier(ChannelType type, PhoneGateway gateway, MessageTemplates templates) {
        this.type = type;
        this.gateway = gateway;
        this.templates = templates;
    }

    @Override
    public ChannelType type() {
        return type;
    }

    @Override
    public DeliveryResult send(Notification n, ContactChannel target) {
        String text = templates.render(n, type).subject();
        return gateway.send(target.address(), text, n.recipient().language());
    }
}
