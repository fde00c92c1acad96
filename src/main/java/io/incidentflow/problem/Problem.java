package io.incidentflow.problem;

import java.time.OffsetDateTime;
import java.util.List;

/** A problem record with the numbers of the incidents it caused. Timestamps are UTC. */
public record Problem(
        long id,
        String number,
        String title,
        String description,
        String owner,
        ProblemState state,
        String workaround,
        String rootCause,
        String resolution,
        Long reviewId,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy,
        OffsetDateTime resolvedAt,
        List<String> incidents) {
}
