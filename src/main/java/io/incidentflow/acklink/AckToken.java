package io.incidentflow.acklink;

import java.time.Instant;

/** What a verified link says: who may acknowledge which incident until when; {@code id} makes it single-use. */
record AckToken(String id, String incidentNumber, String contactId, Instant expiresAt) {
}
