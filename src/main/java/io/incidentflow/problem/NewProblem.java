package io.incidentflow.problem;

/** A problem to open: from a review's follow-up action, or by hand; {@code incident} is an incident number. */
public record NewProblem(String title, String description, String owner, String incident, Long reviewId) {
}
