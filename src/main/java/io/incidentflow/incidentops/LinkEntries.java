package io.incidentflow.incidentops;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.incidentflow.incident.Incident;
import io.incidentflow.timeline.TimelineEntry;
import io.incidentflow.timeline.TimelineSource;

import org.springframework.stereotype.Component;

/**
 * Links on the timeline of both incidents, so a merged duplicate or a split-off part can be followed from either
 * side (each keeps its own alerts' and process's history under its own number).
 */
@Component
class LinkEntries implements TimelineSource {

    private final IncidentOperationsRepository repository;

    LinkEntries(IncidentOperationsRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<TimelineEntry> entriesFor(Incident incident) {
        return repository.links(incident.id()).stream()
                .map(link -> new TimelineEntry(link.createdAt().withOffsetSameInstant(ZoneOffset.UTC), TimelineEntry.LINK,
                        link.createdBy(), text(link),
                        Map.of("type", link.type().name(), "direction", link.direction(), "incident", link.incident())))
                .toList();
    }

    private static String text(IncidentLink link) {
        String relation = link.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return "OUTGOING".equals(link.direction()) ? "This incident is " + relation + " " + link.incident()
                : link.incident() + " is " + relation + " this incident";
    }
}
