package io.incidentflow.contact;

import java.time.Duration;

/**
 * Sends an activation code through the channel it activates; the notification feature implements it. The channel
 * is not activated yet: this is the only message such a channel ever receives.
 */
public interface ActivationCodeSender {

    /** Throws when the code could not be sent, with a message fit to show the user. */
    void send(Contact contact, ContactChannel channel, String code, Duration validFor);
}
