package io.incidentflow.engagement;

/**
 * Where a contact acknowledges an incident with one click: an absolute URL. The signed, expiring links are the
 * {@code acklink} feature's; engagement only puts them into its messages.
 */
public interface AckLinkFactory {

    String linkFor(String incidentNumber, String contactId);
}
