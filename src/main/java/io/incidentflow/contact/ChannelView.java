package io.incidentflow.contact;

import java.time.OffsetDateTime;

/** A channel as the API shows it: webhook URLs masked, because every reader of contacts could post with them. */
record ChannelView(
        long id,
        ChannelType type,
        String address,
        boolean activated,
        OffsetDateTime activatedAt,
        OffsetDateTime activationExpiresAt,
        OffsetDateTime createdAt) {

    static ChannelView of(ContactChannel channel) {
        String address = channel.type().isChat() ? Addresses.mask(channel.type(), channel.address()) : channel.address();
        return new ChannelView(channel.id(), channel.type(), address, channel.activated(), channel.activatedAt(),
                channel.activationExpiresAt(), channel.createdAt());
    }
}
