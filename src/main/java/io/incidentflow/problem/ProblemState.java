package io.incidentflow.problem;

import java.util.Set;

/**
 * ITIL problem management: investigate the cause; once it is known and a workaround exists the problem is a
 * known error; resolved once the cause is removed. Resolved is final: a cause that comes back is a new problem
 * (link the later incidents to it).
 */
public enum ProblemState {
    INVESTIGATE, KNOWN_ERROR, RESOLVED;

    Set<ProblemState> next() {
        return switch (this) {
            case INVESTIGATE -> Set.of(KNOWN_ERROR, RESOLVED);
            case KNOWN_ERROR -> Set.of(RESOLVED);
            case RESOLVED -> Set.of();
        };
    }
}
