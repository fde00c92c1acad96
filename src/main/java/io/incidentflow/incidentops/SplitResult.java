package io.incidentflow.incidentops;

/** The incident a split opened and what moved into it. */
public record SplitResult(String original, String incident, int alerts, int alertGroups, int comments) {
}
