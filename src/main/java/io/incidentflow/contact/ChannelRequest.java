package io.incidentflow.contact;

/** Body of {@code POST /api/contacts/{id}/channels}. */
record ChannelRequest(ChannelType type, String address) {
}
