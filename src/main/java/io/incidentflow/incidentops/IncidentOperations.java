package io.incidentflow.incidentops;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentflow.audit.AuditLog;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentClosed;
import io.incidentflow.incident.IncidentComments;
import io.incidentflow.incident.IncidentComments.NewComment;
import io.incidentflow.incident.IncidentNotFoundException;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.IncidentStatus;
import io.incidentflow.incident.IncidentValidationException;
import io.incidentflow.incident.IncidentValidationException.FieldError;
import io.incidentflow.incident.NewIncident;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OTRS operations on incidents: merge a duplicate into a survivor, split a part off into a new incident,
 * link related incidents, comment. Merges and splits go to the audit log with who and what moved.
 */
@Service
public class IncidentOperations {

    private static final String TARGET = "incident";
    private static final int MAX_COMMENT = IncidentService.MAX_TEXT;

    private final IncidentService incidents;
    private final IncidentComments comments;
    private final IncidentOperationsRepository repository;
    private final MergedProcessEnder processes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Autowired
    IncidentOperations(IncidentService incidents, IncidentComments comments, IncidentOperationsRepository repository,
            MergedProcessEnder processes, AuditLog audit, ApplicationEventPublisher events) {
        this(incidents, comments, repository, processes, audit, events, Clock.systemUTC());
    }

    IncidentOperations(IncidentService incidents, IncidentComments comments, IncidentOperationsRepository repository,
            MergedProcessEnder processes, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.comments = comments;
        this.repository = repository;
        this.processes = processes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Merges {@code duplicateNumber} into {@code survivorNumber}: the duplicate's alerts, dedup groups, comments
     * and files move to the survivor, the duplicate closes as MERGED with a DUPLICATE_OF link, and its process
     * instance ends (see {@link MergedProcessEnder}).
     */
    @Transactional
    public MergeResult merge(String duplicateNumber, String survivorNumber, String actor, List<String> groups) {
        Incident duplicate = find(duplicateNumber);
        Incident survivor = other("into", survivorNumber);
        if (survivor.id() == duplicate.id()) {
            throw new IncidentValidationException("into", "must be another incident than " + duplicate.number());
        }
        requireOpen("number", duplicate);
        requireOpen("into", survivor);
        OffsetDateTime now = now();
        MergeResult result = new MergeResult(survivor.number(), duplicate.number(),
                repository.moveAllAlerts(duplicate.id(), survivor.id()),
                repository.moveAllAlertGroups(duplicate.id(), survivor.id()),
                repository.moveAllComments(duplicate.id(), survivor.id()),
                repository.moveAllAttachments(duplicate.id(), survivor.id()));
        String reason = "Merged into " + survivor.number();
        repository.closeAsMerged(duplicate.id(), "統合先 / " + reason, actor, now);
        repository.link(duplicate.id(), survivor.id(), LinkType.DUPLICATE_OF, actor, now);
        repository.systemComment(survivor.id(), duplicate.number() + " をこのインシデントに統合 / "
                + duplicate.number() + " was merged into this incident (" + actor + ")", now);
        repository.systemComment(duplicate.id(), survivor.number() + " に統合 / " + reason + " (" + actor + ")", now);
        processes.end(duplicate.processInstanceId(), reason, actor, groups);
        events.publishEvent(new IncidentClosed(duplicate.id()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("into", survivor.number());
        details.put("alerts", result.alerts());
        details.put("alertGroups", result.alertGroups());
        details.put("comments", result.comments());
        details.put("attachments", result.attachments());
        audit.record(actor, "INCIDENT_MERGED", TARGET, duplicate.number(), details);
        return result;
    }

    /** Opens a new incident from a part of {@code number}: the chosen alerts and comments move into it. */
    @Transactional
    public SplitResult split(String number, SplitRequest request, String actor) {
        Incident original = find(number);
        requireOpen("number", original);
        List<Long> alerts = request.alerts() == null ? List.of() : request.alerts();
        List<Long> chosenComments = request.comments() == null ? List.of() : request.comments();
        List<FieldError> errors = new ArrayList<>();
        if (request.title() == null || request.title().isBlank()) {
            errors.add(new FieldError("title", "must not be blank"));
        }
        if (alerts.isEmpty() && chosenComments.isEmpty()) {
            errors.add(new FieldError("alerts", "choose at least one alert or comment to split off"));
        }
        checkOwn(errors, "alerts", "alert", alerts, original);
        checkOwn(errors, "comments", "incident_comment", chosenComments, original);
        if (!errors.isEmpty()) {
            throw new IncidentValidationException(errors);
        }
        OffsetDateTime detectedAt = alerts.isEmpty() ? null : repository.firstAlertStart(alerts);
        Incident opened = incidents.open(new NewIncident(request.title(), request.description(), original.service(),
                original.category(), original.impact(), original.urgency(), "split", actor, detectedAt),
                Map.of("splitFrom", original.number()));
        OffsetDateTime now = now();
        int movedAlerts = alerts.isEmpty() ? 0 : repository.moveAlerts(alerts, original.id(), opened.id());
        int movedGroups = alerts.isEmpty() ? 0 : repository.moveAbandonedAlertGroups(original.id(), opened.id());
        int movedComments = chosenComments.isEmpty() ? 0
                : repository.moveComments(chosenComments, original.id(), opened.id());
        repository.link(opened.id(), original.id(), LinkType.SPLIT_FROM, actor, now);
        repository.systemComment(original.id(), opened.number() + " に分割 / split off into " + opened.number()
                + " (" + actor + ")", now);
        SplitResult result = new SplitResult(original.number(), opened.number(), movedAlerts, movedGroups,
                movedComments);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("into", opened.number());
        details.put("alerts", alerts);
        details.put("comments", chosenComments);
        audit.record(actor, "INCIDENT_SPLIT", TARGET, original.number(), details);
        return result;
    }

    @Transactional
    public IncidentLink link(String number, LinkType type, String otherNumber, String actor) {
        Incident from = find(number);
        if (type == null) {
            throw new IncidentValidationException("type", "must be one of RELATES_TO, DUPLICATE_OF, CAUSED_BY");
        }
        if (type == LinkType.SPLIT_FROM) {
            throw new IncidentValidationException("type", "SPLIT_FROM is made by splitting an incident");
        }
        Incident to = other("incident", otherNumber);
        if (to.id() == from.id()) {
            throw new IncidentValidationException("incident", "must be another incident than " + from.number());
        }
        long id = repository.link(from.id(), to.id(), type, actor, now());
        return repository.links(from.id()).stream().filter(link -> link.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void unlink(String number, long linkId) {
        if (repository.unlink(find(number).id(), linkId) == 0) {
            throw new IncidentValidationException("link", "is no link of " + number);
        }
    }

    @Transactional(readOnly = true)
    public List<IncidentLink> links(String number) {
        return repository.links(find(number).id());
    }

    @Transactional
    public Comment comment(String number, String subject, String body, String actor) {
        Incident incident = find(number);
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "must not be blank"));
        } else if (body.length() > MAX_COMMENT) {
            errors.add(new FieldError("body", "must be at most " + MAX_COMMENT + " characters"));
        }
        if (subject != null && subject.length() > 500) {
            errors.add(new FieldError("subject", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new IncidentValidationException(errors);
        }
        long id = comments.add(incident.number(), new NewComment(actor, "api", blankToNull(subject), body.strip(),
                null, List.of())).orElseThrow();
        return repository.comments(incident.id()).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(String number) {
        return repository.comments(find(number).id());
    }

    private void checkOwn(List<FieldError> errors, String field, String table, List<Long> ids, Incident incident) {
        if (!ids.isEmpty()) {
            List<Long> foreign = repository.foreign(table, ids, incident.id());
            if (!foreign.isEmpty()) {
                errors.add(new FieldError(field, "not of " + incident.number() + ": " + foreign));
            }
        }
    }

    private static void requireOpen(String field, Incident incident) {
        if (incident.status() == IncidentStatus.CLOSED) {
            throw new OperationConflictException(field, incident.number() + " is closed already");
        }
    }

    private Incident find(String number) {
        return incidents.findByNumber(number).orElseThrow(() -> new IncidentNotFoundException(number));
    }

    private Incident other(String field, String number) {
        if (number == null || number.isBlank()) {
            throw new IncidentValidationException(field, "must not be blank");
        }
        return incidents.findByNumber(number)
                .orElseThrow(() -> new IncidentValidationException(field, "there is no incident " + number.strip()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
