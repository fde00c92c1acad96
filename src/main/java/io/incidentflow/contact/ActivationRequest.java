package io.incidentflow.contact;

/** Body of {@code POST /api/contacts/{id}/channels/{channelId}/activate}. */
record ActivationRequest(String code) {
}
