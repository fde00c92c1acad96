package io.incidentflow.incidentops;

import java.util.List;

/** The new incident's title and description, and the ids of the alerts and comments that move into it. */
public record SplitRequest(String title, String description, List<Long> alerts, List<Long> comments) {
}
