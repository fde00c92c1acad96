package io.incidentflow.acklink;

import java.time.Clock;

import io.incidentflow.acklink.AckLinkRejectedException.Reason;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a link's page shows and what its button does. */
@Service
class LinkAcknowledgement {

    private final AcknowledgeLinks links;
    private final UsedAckTokens used;
    private final IncidentService incidents;
    private final Clock clock;

    @Autowired
    LinkAcknowledgement(AcknowledgeLinks links, UsedAckTokens used, IncidentService incidents) {
        this(links, used, incidents, Clock.systemUTC());
    }

    LinkAcknowledgement(AcknowledgeLinks links, UsedAckTokens used, IncidentService incidents, Clock clock) {
        this.links = links;
        this.used = used;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Reads only: mail scanners open links before people do. */
    @Transactional(readOnly = true)
    Incident preview(String token) {
        AckToken ack = links.verify(token);
        if (used.isUsed(ack.id())) {
            throw new AckLinkRejectedException(Reason.USED);
        }
        return incidentOf(ack);
    }

    /** Marking the link used and acknowledging commit together: a failed acknowledgement leaves the link usable. */
    @Transactional
    AckResult acknowledge(String token) {
        AckToken ack = links.verify(token);
        Incident incident = incidentOf(ack);
        if (!used.markUsed(ack, clock.instant())) {
            throw new AckLinkRejectedException(Reason.USED);
        }
        incidents.acknowledge(incident.id(), ack.contactId());
        Incident after = incidents.findById(incident.id()).orElseThrow();
        return new AckResult(after.number(), after.title(), ack.contactId(), after.acknowledgedBy(),
                after.acknowledgedAt());
    }

    private Incident incidentOf(AckToken ack) {
        return incidents.findByNumber(ack.incidentNumber())
                .orElseThrow(() -> new AckLinkRejectedException(Reason.UNKNOWN_INCIDENT));
    }
}
