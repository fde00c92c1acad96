package io.incidentflow.acklink;

import java.time.OffsetDateTime;

/**
 * The incident after a link was used: {@code acknowledgedBy} is the link's contact unless someone
 * (Tasklist, the API, another link) acknowledged first, which the page then says.
 */
record AckResult(String incidentNumber, String title, String contactId, String acknowledgedBy,
        OffsetDateTime acknowledgedAt) {

    boolean acknowledgedEarlierBySomeoneElse() {
        return !contactId.equals(acknowledgedBy);
    }
}
