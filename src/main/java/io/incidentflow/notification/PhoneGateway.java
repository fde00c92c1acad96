package io.incidentflow.notification;

import java.util.Locale;

/** Sends a short text to a phone number, as an SMS or read aloud in a call. */
interface PhoneGateway {

    /** @param to E.164, e.g. +819012345678 */
    DeliveryResult send(String to, String text, Locale language);
}
