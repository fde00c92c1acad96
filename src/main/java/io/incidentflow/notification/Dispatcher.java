package io.incidentflow.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.incidentflow.contact.Addresses;
import io.incidentflow.contact.ChannelType;
import io.incidentflow.contact.ContactChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Hands a notification to the notifier of its channel's type and logs the attempt, whatever happened. */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<ChannelType, NotificationChannel> notifiers = new EnumMap<>(ChannelType.class);
    private final DeliveryLog deliveries;

    Dispatcher(List<NotificationChannel> notifiers, DeliveryLog deliveries) {
        notifiers.forEach(notifier -> {
            if (this.notifiers.put(notifier.type(), notifier) != null) {
                throw new IllegalStateException("Two notifiers for " + notifier.type());
            }
        });
        this.deliveries = deliveries;
    }

    /** Never throws for a failed send: the answer says FAILED, with the error. */
    NotificationDelivery dispatch(Notification n, ContactChannel channel) {
        DeliveryResult result = send(n, channel);
        if (!result.sent()) {
            log.warn("{} to {} via {} failed: {}", n.notice(), channel.contactId(), channel.type(), result.detail());
        }
        Notice notice = n.notice();
        return deliveries.record(new DeliveryLog.Attempt(notice.incidentNumber(), channel.contactId(), channel.id(),
                channel.type(), Addresses.mask(channel.type(), channel.address()), notice.event(), notice.stage(),
                result.sent() ? DeliveryStatus.SENT : DeliveryStatus.FAILED, result.sent() ? null : result.detail(),
                result.sent() ? result.detail() : null));
    }

    private DeliveryResult send(Notification n, ContactChannel channel) {
        NotificationChannel notifier = notifiers.get(channel.type());
        if (notifier == null) {
            return DeliveryResult.failed("No notifier for " + channel.type());
        }
        try {
            return notifier.send(n, channel);
        } catch (RuntimeException e) {
            return DeliveryResult.failed(describe(e));
        }
    }

    /** The exception and its causes' messages: a mail error's reason is usually two causes deep. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
                text.append(cause == e ? ": " : "; ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
