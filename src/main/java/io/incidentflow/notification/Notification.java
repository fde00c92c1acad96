package io.incidentflow.notification;

import io.incidentflow.contact.Contact;

/** A notice for one recipient: what a {@link NotificationChannel} sends. */
public record Notification(Notice notice, Contact recipient) {
}
