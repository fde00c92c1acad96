package io.incidentflow.problem;

/** The state to move to and what that state needs: a workaround for a known error, a resolution to resolve. */
record ProblemTransition(ProblemState state, String workaround, String rootCause, String resolution) {
}
