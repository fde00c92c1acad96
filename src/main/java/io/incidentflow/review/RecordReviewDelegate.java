package io.incidentflow.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Record review (review process): stores the answers; each follow-up action becomes a problem record. */
@Component("recordReviewDelegate")
class RecordReviewDelegate implements JavaDelegate {

    private final ReviewService reviews;
    private final IdentityService identityService;

    RecordReviewDelegate(ReviewService reviews, IdentityService identityService) {
        this.reviews = reviews;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewAnswers answers = new ReviewAnswers(text(execution, "whatHappened"), text(execution, "customerImpact"),
                text(execution, "rootCause"), text(execution, "wentWell"), text(execution, "wentBadly"),
                text(execution, FollowUpActions.FIELD));
        long reviewId = ((Number) execution.getVariable("reviewId")).longValue();
        execution.setVariable("problemNumbers", String.join(", ",
                reviews.complete(reviewId, (String) execution.getVariable("incidentNumber"), answers, reviewer())));
    }

    private String reviewer() {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
