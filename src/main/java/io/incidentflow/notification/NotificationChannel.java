package io.incidentflow.notification;

import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.ContactChannel;

/** Sends notifications through one type of channel: e-mail, SMS, a voice call, a chat webhook. */
public interface NotificationChannel {

    ChannelType type();

    /**
     * Sends {@code n} to {@code target}, a channel of {@code n.recipient()}. Answers a failed result for a refusal
     * it understood (an HTTP status, a provider not configured); may throw on anything else. Either way the
     * attempt is logged as FAILED.
     */
    DeliveryResult send(Notification n, ContactChannel target);
}
