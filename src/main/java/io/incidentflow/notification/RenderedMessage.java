package io.incidentflow.notification;

/** A template filled in for one recipient: a one-line subject and the body. */
record RenderedMessage(String subject, String body) {
}
