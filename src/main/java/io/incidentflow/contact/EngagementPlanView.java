package io.incidentflow.contact;

import java.util.List;

/** {@code GET} and {@code PUT /api/contacts/{id}/engagement-plan}: the same shape as the request. */
record EngagementPlanView(List<StageView> stages) {
}
