package io.incidentflow.incident;

/**
 * Which incidents a list shows; every criterion is optional. Pages are 0-based.
 * The service rejects a page below 0 and a size outside 1..{@value #MAX_SIZE}.
 */
public record IncidentFilter(IncidentStatus status, Integer priority, String resolverGroup, Integer page, Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public IncidentFilter {
        page = page == null ? 0 : page;
        size = size == null ? DEFAULT_SIZE : size;
        resolverGroup = resolverGroup == null || resolverGroup.isBlank() ? null : resolverGroup.trim();
    }

    public static IncidentFilter all() {
        return new IncidentFilter(null, null, null, null, null);
    }

    long offset() {
        return (long) page * size;
    }
}
