package io.incidentflow.contact;

import java.util.List;

/** Body of {@code PUT /api/contacts/{id}/engagement-plan}: the whole plan, replacing the previous one. */
record EngagementPlanRequest(List<Stage> stages) {

    /** Engage the channel {@code afterMinutes} after the engagement started. */
    record Stage(Long channelId, Integer afterMinutes) {
    }
}
