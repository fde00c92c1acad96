package io.incidentflow.incident;

import java.util.List;

/** One page of a list, newest first, with the number of all matching incidents. */
public record IncidentPage(List<Incident> items, int page, int size, long total) {

    public IncidentPage {
        items = List.copyOf(items);
    }
}
