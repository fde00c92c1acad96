package io.incidentflow.notification;

import java.time.OffsetDateTime;

import io.incidentflow.contact.ChannelType;

/**
 * One logged attempt to notify someone; timestamps are UTC.
 *
 * @param channelType null when the channel could not be found
 * @param target      the address, masked: phone numbers keep their last digits, webhook URLs only their host
 * @param attempt     1 for the first attempt at this notice on this channel, 2 for the first retry, ...
 */
public record NotificationDelivery(
        long id,
        String incidentNumber,
        String contactId,
        Long channelId,
        ChannelType channelType,
        String target,
        NotificationEvent event,
        Integer stage,
        int attempt,
        DeliveryStatus result,
        String error,
        String detail,
        OffsetDateTime at) {
}
