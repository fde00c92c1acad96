package io.incidentflow.timeline;

import java.util.List;

import io.incidentflow.incident.Incident;

/**
 * Something that knows part of an incident's story. Every Spring bean of this type contributes to every timeline
 * (API, export, audit page): a new feature adds its entries by declaring a bean, without changing the timeline.
 * Entries may come in any order; the timeline sorts them by time.
 */
public interface TimelineSource {

    List<TimelineEntry> entriesFor(Incident incident);
}
