package io.incidentflow.incidentops;

/** What a merge moved from the duplicate to the survivor. */
public record MergeResult(String survivor, String duplicate, int alerts, int alertGroups, int comments,
        int attachments) {
}
