package io.incidentflow.contact;

import java.time.OffsetDateTime;

/**
 * One way to reach a contact. Only an activated channel is ever used for notifications.
 *
 * @param activationExpiresAt when the pending activation code expires; null when no code is pending
 */
public record ContactChannel(
        long id,
        String contactId,
        ChannelType type,
        String address,
        boolean activated,
        OffsetDateTime activatedAt,
        OffsetDateTime activationExpiresAt,
        OffsetDateTime createdAt) {
}
