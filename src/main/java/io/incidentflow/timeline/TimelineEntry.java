package io.incidentflow.timeline;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One thing that happened to an incident.
 *
 * @param at      when, UTC
 * @param kind    what sort of thing: one of the constants here, or a new word a later feature brings (e.g. {@code merge})
 * @param actor   the user, integration or contact behind it; null when the system did it on its own (a timer)
 * @param text    one line a person reads, in English (the pages translate the kinds, not the texts of the data)
 * @param details the facts behind the line (form values, dedup key, channel, error …); never null
 * @param rank    breaks ties between entries of the same millisecond in the order things happen inside one
 *                transaction: a task is completed, the record changes, the next task is created
 */
public record TimelineEntry(OffsetDateTime at, String kind, String actor, String text, Map<String, Object> details,
        @JsonIgnore int rank) {

    public static final String ALERT = "alert";
    public static final String STATE = "state";
    public static final String TASK = "task";
    public static final String NOTIFICATION = "notification";
    public static final String ESCALATION = "escalation";
    public static final String COMMENT = "comment";
    public static final String PROCESS = "process";
    public static final String LINK = "link";

    static final int COMPLETED = 1;
    static final int CHANGED = 2;
    static final int CREATED = 3;
    public static final int DEFAULT_RANK = 5;

    public TimelineEntry {
        details = details == null ? Map.of() : details;
    }

    public TimelineEntry(OffsetDateTime at, String kind, String actor, String text, Map<String, Object> details) {
        this(at, kind, actor, text, details, DEFAULT_RANK);
    }
}
