package io.incidentflow.notification;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.incidentflow.contact.Addresses;
import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.Contact;
import io.incidentflow.contact.ContactChannel;
import io.incidentflow.contact.ContactService;

import org.springframework.stereotype.Service;

/**
 * Notifies contacts, for the process (escalation, incident events) and the timeline. Every attempt is logged in
 * {@code notification_delivery}, sent or failed.
 *
 * <p>Meant to run in an asynchronous continuation: a failure throws, the job's transaction rolls back (the log row
 * stays, it has its own transaction) and the job executor retries with back-off. Delivery is therefore at least
 * once: a job that fails after its message went out sends it again.
 */
@Service
public class NotificationService {

    private final ContactService contacts;
    private final Dispatcher dispatcher;
    private final DeliveryLog deliveries;

    NotificationService(ContactService contacts, Dispatcher dispatcher, DeliveryLog deliveries) {
        this.contacts = contacts;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
    }

    /**
     * Sends {@code notice} to the contact through one of its channels, typically a stage of
     * {@link ContactService#engagementPlan}. Only an activated channel is used.
     *
     * @return the logged, successful attempt
     * @throws NotificationException when nothing was sent; {@link NotificationException#retryable()} is false when
     *                               the contact or channel is gone or not activated
     */
    public NotificationDelivery deliver(Notice notice, String contactId, long channelId) {
        Optional<Contact> contact = contacts.find(contactId);
        Optional<ContactChannel> channel = contact.flatMap(found -> contacts.channel(contactId, channelId));
        if (contact.isEmpty() || channel.isEmpty() || !channel.get().activated()) {
            String why = contact.isEmpty() ? "There is no contact " + contactId
                    : channel.isEmpty() ? "Contact " + contactId + " has no channel " + channelId
                    : "Channel " + channelId + " of " + contactId + " is not activated";
            refused(notice, contactId, channelId, channel.orElse(null), why);
            throw new NotificationException(why, false);
        }
        NotificationDelivery delivery = dispatcher.dispatch(new Notification(notice, contact.get()), channel.get());
        if (delivery.result() == DeliveryStatus.FAILED) {
            throw new NotificationException(notice + " to " + contactId + " via "
                    + channel.get().type().name().toLowerCase(Locale.ROOT) + " failed (attempt " + delivery.attempt()
                    + "): " + delivery.error(), true);
        }
        return delivery;
    }

    /**
     * Posts {@code notice} to a chat webhook that belongs to no contact, such as a response plan's incident room,
     * rendered in {@code locale} with times in {@code timeZone}. Logged like any attempt, under {@code label} as the
     * contact id (channel id 0).
     *
     * @throws NotificationException when nothing was sent (retryable)
     */
    public NotificationDelivery post(Notice notice, ChannelType type, String url, String label, String locale,
            String timeZone) {
        if (!type.isChat()) {
            throw new IllegalArgumentException(type + " is no chat channel");
        }
        Contact room = new Contact(label, label, null, locale, timeZone, null, null, null);
        ContactChannel channel = new ContactChannel(0, label, type, url, true, null, null, null);
        NotificationDelivery delivery = dispatcher.dispatch(new Notification(notice, room), channel);
        if (delivery.result() == DeliveryStatus.FAILED) {
            throw new NotificationException(notice + " to " + label + " via " + type.name().toLowerCase(Locale.ROOT)
                    + " failed (attempt " + delivery.attempt() + "): " + delivery.error(), true);
        }
        return delivery;
    }

    /** Every attempt for the incident, oldest first, for its timeline. */
    public List<NotificationDelivery> deliveriesFor(String incidentNumber) {
        return incidentNumber == null ? List.of()
                : deliveries.forIncident(incidentNumber.strip().toUpperCase(Locale.ROOT));
    }

    private void refused(Notice notice, String contactId, long channelId, ContactChannel channel, String why) {
        deliveries.record(new DeliveryLog.Attempt(notice.incidentNumber(), contactId, channelId,
                channel == null ? null : channel.type(),
                channel == null ? null : Addresses.mask(channel.type(), channel.address()), notice.event(),
                notice.stage(), DeliveryStatus.FAILED, why, null));
    }
}
