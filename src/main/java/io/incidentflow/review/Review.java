package io.incidentflow.review;

import java.time.OffsetDateTime;
import java.util.List;

/** One post-incident review: OPEN while its task waits, COMPLETED with the answers and the problems it opened. */
public record Review(long id, String processInstanceId, String state, OffsetDateTime startedAt,
        OffsetDateTime completedAt, String reviewer, ReviewAnswers answers, List<String> problems) {
}
