package io.incidentflow.contact;

/**
 * A new channel, and whether its activation code went out. The channel exists either way: when sending failed
 * (mail server down, SMS not configured) a new code can be requested once that is fixed.
 */
record ChannelAdded(ChannelView channel, boolean activationCodeSent, String activationError) {
}
