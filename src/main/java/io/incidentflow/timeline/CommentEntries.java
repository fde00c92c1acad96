package io.incidentflow.timeline;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentComments;

import org.springframework.stereotype.Component;

/** Comments on the incident, e.g. the reporter's mail replies. */
@Component
class CommentEntries implements TimelineSource {

    private final IncidentComments comments;

    CommentEntries(IncidentComments comments) {
        this.comments = comments;
    }

    @Override
    public List<TimelineEntry> entriesFor(Incident incident) {
        return comments.of(incident.id()).stream().map(comment -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", comment.source());
            if (comment.subject() != null) {
                details.put("subject", comment.subject());
            }
            if (comment.body() != null) {
                details.put("body", comment.body());
            }
            String text = "Comment" + (comment.subject() == null ? "" : ": " + comment.subject());
            return new TimelineEntry(comment.at().withOffsetSameInstant(ZoneOffset.UTC), TimelineEntry.COMMENT,
                    comment.author(), text, details);
        }).toList();
    }
}
