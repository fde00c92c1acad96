package io.incidentflow.notification;

import java.time.Duration;

import io.incidentflow.contact.ActivationCodeSender;
import io.incidentflow.contact.Contact;
import io.incidentflow.contact.ContactChannel;

import org.springframework.stereotype.Component;

/**
 * Sends activation codes for the contact feature: through the very channel being activated, which is why this
 * is the one sender that does not ask whether the channel is activated. Logged like every other attempt.
 */
@Component
class ActivationCodeNotifier implements ActivationCodeSender {

    private final Dispatcher dispatcher;

    ActivationCodeNotifier(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void send(Contact contact, ContactChannel channel, String code, Duration validFor) {
        NotificationDelivery delivery = dispatcher.dispatch(
                new Notification(Notice.activationCode(code, validFor), contact), channel);
        if (delivery.result() == DeliveryStatus.FAILED) {
            throw new NotificationException(delivery.error(), true);
        }
    }
}
