package io.incidentflow.review;

/** What the reviewers wrote in the review form. */
public record ReviewAnswers(String whatHappened, String customerImpact, String rootCause, String wentWell,
        String wentBadly, String followUpActions) {
}
