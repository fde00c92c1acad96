package io.incidentflow.contact;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code GET /api/contacts/{id}}: the contact with all its channels and its whole engagement plan. */
record ContactDetails(@JsonUnwrapped Contact contact, List<ChannelView> channels, List<StageView> engagementPlan) {
}
