package io.incidentflow.incidentops;

import java.time.OffsetDateTime;

/** A comment on an incident, with the id a split names it by. */
public record Comment(long id, String author, String source, String subject, String body, OffsetDateTime createdAt) {
}
