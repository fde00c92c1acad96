package io.incidentflow.engagement;

/**
 * Where a contact acknowledges an incident with one click: an absolute URL, or null when there is none. The signed,
 * expiring links come from another feature; until it is wired in, {@link EngagementConfiguration} supplies none.
 */
public interface AckLinkFactory {

    String linkFor(String incidentNumber, String contactId);
}
