package io.incidentflow.timeline;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.incidentflow.incident.Incident;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An incident's whole story, from every {@link TimelineSource}, oldest first. */
@Service
public class Timeline {

    /**
     * Camunda keeps milliseconds, our tables microseconds: within one millisecond the rank decides, else a
     * state change recorded a few microseconds after the task completion it follows would sort before it.
     */
    private static final Comparator<TimelineEntry> ORDER = Comparator
            .comparing((TimelineEntry entry) -> entry.at().truncatedTo(ChronoUnit.MILLIS).toInstant())
            .thenComparingInt(TimelineEntry::rank)
            .thenComparing(entry -> entry.at().toInstant());

    private final List<TimelineSource> sources;

    Timeline(List<TimelineSource> sources) {
        this.sources = sources;
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> of(Incident incident) {
        List<TimelineEntry> entries = new ArrayList<>();
        sources.forEach(source -> entries.addAll(source.entriesFor(incident)));
        entries.sort(ORDER);
        return entries;
    }
}
