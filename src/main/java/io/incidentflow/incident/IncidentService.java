package io.incidentflow.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.incidentflow.incident.IncidentValidationException.FieldError;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident record's rules. The process {@value #PROCESS_KEY} drives the lifecycle through the delegates;
 * the REST API reports incidents and reads them.
 */
@Service
public class IncidentService {

    public static final String PROCESS_KEY = "incident-management";
    /** Correlated by the incident number (the business key) to the engagement waiting for it. */
    public static final String ACKNOWLEDGED_MESSAGE = "IncidentAcknowledged";
    static final String DEFAULT_SOURCE = "tasklist";
    static final String API_SOURCE = "api";
    /** Limits of the record's title and long texts (in UTF-16 chars); other features fit their text to them. */
    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 10_000;

    private final IncidentRepository repository;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Autowired
    IncidentService(IncidentRepository repository, RuntimeService runtimeService, IdentityService identityService,
            ApplicationEventPublisher events) {
        this(repository, runtimeService, identityService, events, Clock.systemUTC());
    }

    IncidentService(IncidentRepository repository, RuntimeService runtimeService, IdentityService identityService,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reports an incident on behalf of {@code actor}: starts the process, whose first step registers it.
     * The process starts without a business key because the number exists only once the row does;
     * the Register incident step then sets the number as business key, for instances started here and
     * from Tasklist alike.
     */
    @Transactional
    public Incident report(NewIncident incident, String actor, List<String> actorGroups) {
        NewIncident report = normalize(incident, API_SOURCE, actor);
        validate(report);
        ProcessInstance instance = startAs(actor, actorGroups, variablesOf(report));
        return registered(instance);
    }

    /**
     * Opens an incident that no person reported (a monitoring alert, a mail): started without an
     * authenticated user; {@code extraVariables} travel with the process (e.g. the alert's dedup key).
     */
    @Transactional
    public Incident open(NewIncident incident, Map<String, Object> extraVariables) {
        NewIncident opened = normalize(incident, API_SOURCE, null);
        validate(opened);
        Map<String, Object> variables = variablesOf(opened);
        variables.putAll(extraVariables);
        return registered(runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables));
    }

    /**
     * The one way in for every acknowledgement: a claimed Tasklist task, the REST API, Events API v2, the signed link.
     * Only the first counts on the record (time to acknowledge is measured to it); each is passed on to the
     * incident's engagement as {@value #ACKNOWLEDGED_MESSAGE}, which nothing receives unless it is waiting.
     */
    public void acknowledge(long id, String by) {
        if (repository.acknowledgeFirst(id, trimmed(by), now())) {
            events.publishEvent(new IncidentAcknowledged(id));
        }
        String number = get(id).number();
        for (int attempt = 1; ; attempt++) {
            try {
                runtimeService.createMessageCorrelation(ACKNOWLEDGED_MESSAGE).processInstanceBusinessKey(number)
                        .setVariable("acknowledged", true).correlateAllWithResult();
                return;
            } catch (OptimisticLockingException clash) {
                // The engagement moved on at the same moment (a stage timer); its new state decides again.
                if (attempt == 3) {
                    throw clash;
                }
            }
        }
    }

    private static Map<String, Object> variablesOf(NewIncident incident) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", incident.title());
        variables.put("description", incident.description());
        variables.put("service", incident.service());
        variables.put("category", incident.category());
        variables.put("impact", incident.impact());
        variables.put("urgency", incident.urgency());
        variables.put("source", incident.source());
        variables.put("reporter", incident.reporter());
        variables.put("detectedAt", incident.detectedAt() == null ? null : Date.from(incident.detectedAt().toInstant()));
        variables.put("preClassified", incident.isPreClassified());
        return variables;
    }

    private Incident registered(ProcessInstance instance) {
        // Register incident is the process's first, synchronous step: the row exists in this transaction.
        return repository.findByProcessInstanceId(instance.getId()).orElseThrow(() -> new IllegalStateException(
                "Process " + instance.getId() + " did not register its incident; is Register incident its first step?"));
    }

    /** Camunda's authorizations and user operation log must see the reporter, not an anonymous engine call. */
    private ProcessInstance startAs(String actor, List<String> actorGroups, Map<String, Object> variables) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(actor, actorGroups == null ? List.of() : List.copyOf(actorGroups));
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    /** Creates the record of a process instance: status NEW, numbered INC-000042 after its id. */
    @Transactional
    public Incident register(NewIncident incident, String processInstanceId) {
        NewIncident registration = normalize(incident, DEFAULT_SOURCE, null);
        validate(registration);
        OffsetDateTime now = now();
        OffsetDateTime detectedAt = registration.detectedAt() == null ? now : utc(registration.detectedAt());
        long id = repository.insert(registration, processInstanceId, detectedAt, now);
        repository.assignNumber(id, numberFor(id));
        return get(id);
    }

    static String numberFor(long id) {
        return String.format(Locale.ROOT, "INC-%06d", id);
    }

    /** Records the category and priority; the targets run from registration, not from classification. */
    @Transactional
    public Classification classify(long id, String category, String service, int impact, int urgency, int priority,
            Duration responseTarget, Duration resolutionTarget, String resolverGroup) {
        List<FieldError> errors = new ArrayList<>();
        checkRange(errors, "impact", impact, 1, 5);
        checkRange(errors, "urgency", urgency, 1, 3);
        checkRange(errors, "priority", priority, 1, 5);
        checkTarget(errors, "responseTarget", responseTarget);
        checkTarget(errors, "resolutionTarget", resolutionTarget);
        checkLength(errors, "category", category, 50);
        checkLength(errors, "service", service, 100);
        checkLength(errors, "resolverGroup", resolverGroup, 100);
        throwIfAny(errors);
        Incident incident = get(id);
        Classification targets = new Classification(incident.registeredAt().plus(responseTarget),
                incident.registeredAt().plus(resolutionTarget));
        requireRow(id, repository.classify(id, trimmed(category), trimmed(service), impact, urgency, priority,
                trimmed(resolverGroup), targets.responseDueAt(), targets.resolutionDueAt(), now()));
        return targets;
    }

    /** Identification found a service request or noise: closed without ever becoming an incident to work on. */
    public void closeAsNotIncident(long id, String classification, String reason) {
        requireRow(id, repository.closeAsNotIncident(id, closureCodeFor(classification), text(reason), now()));
        events.publishEvent(new IncidentClosed(id));
    }

    private static ClosureCode closureCodeFor(String classification) {
        String value = classification == null ? "" : classification.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "service_request" -> ClosureCode.SERVICE_REQUEST;
            case "noise" -> ClosureCode.NOISE;
            default -> throw new IncidentValidationException("classification",
                    "must be service_request or noise to close as not an incident, was " + classification);
        };
    }

    public void escalateToIncidentManager(long id) {
        requireRow(id, repository.escalate(id, now()));
    }

    public void escalateToResolverGroup(long id, String group) {
        if (group == null || group.isBlank()) {
            throw new IncidentValidationException("resolverGroup", "must not be blank");
        }
        requireRow(id, repository.escalateToResolverGroup(id, group.trim(), now()));
    }

    /** Someone took (or handed back) the incident's task; taking it acknowledges the incident. */
    public void recordAssignment(long id, String assignee) {
        String who = trimmed(assignee);
        if (who == null) {
            requireRow(id, repository.clearAssignee(id, now()));
            return;
        }
        requireRow(id, repository.recordAssignment(id, who, now()));
        acknowledge(id, who);
    }

    public void recordCoordination(long id, String incidentManager, String note) {
        requireRow(id, repository.recordCoordination(id, trimmed(incidentManager), text(note), now()));
    }

    public void recordDiagnosis(long id, String diagnosis) {
        requireRow(id, repository.recordDiagnosis(id, text(diagnosis), now()));
    }

    public void resolve(long id, String resolution, String rootCause, String resolvedBy) {
        requireRow(id, repository.resolve(id, text(resolution), text(rootCause), trimmed(resolvedBy),
                now()));
    }

    /** The reporter says it is not fixed: back to the resolver group. Answers the reopened incident. */
    @Transactional
    public Incident reopen(long id, String reason) {
        requireRow(id, repository.reopen(id, text(reason), now()));
        return get(id);
    }

    public void close(long id, String closedBy) {
        requireRow(id, repository.close(id, trimmed(closedBy), now()));
        events.publishEvent(new IncidentClosed(id));
    }

    /** Answers whether the breach was recorded: not once the incident is resolved or closed. */
    public boolean recordResponseBreach(long id) {
        return repository.recordResponseBreach(id, now()) == 1;
    }

    /** Answers whether the breach was recorded: a target that passes after resolution is not a breach. */
    public boolean recordResolutionBreach(long id) {
        return repository.recordResolutionBreach(id, now()) == 1;
    }

    public Optional<Incident> findById(long id) {
        return repository.findById(id);
    }

    /** People type numbers as they like: " inc-000042" finds INC-000042. */
    public Optional<Incident> findByNumber(String number) {
        return number == null ? Optional.empty() : repository.findByNumber(number.trim().toUpperCase(Locale.ROOT));
    }

    public Optional<Incident> findByProcessInstanceId(String processInstanceId) {
        return processInstanceId == null ? Optional.empty() : repository.findByProcessInstanceId(processInstanceId);
    }

    @Transactional(readOnly = true)
    public IncidentPage list(IncidentFilter filter) {
        IncidentFilter query = filter == null ? IncidentFilter.all() : filter;
        List<FieldError> errors = new ArrayList<>();
        if (query.page() < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        checkRange(errors, "size", query.size(), 1, IncidentFilter.MAX_SIZE);
        if (query.priority() != null) {
            checkRange(errors, "priority", query.priority(), 1, 5);
        }
        throwIfAny(errors);
        return new IncidentPage(repository.list(query), query.page(), query.size(), repository.count(query));
    }

    private Incident get(long id) {
        return repository.findById(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }

    private void requireRow(long id, int updatedRows) {
        if (updatedRows == 0) {
            throw new IncidentNotFoundException(id);
        }
    }

    /** Microseconds: what both databases store, so a value read back equals the value written. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Blank optional values become null; source and reporter get their defaults. */
    private static NewIncident normalize(NewIncident incident, String defaultSource, String defaultReporter) {
        if (incident == null) {
            throw new IncidentValidationException("title", "must not be blank");
        }
        String source = trimmed(incident.source());
        String reporter = trimmed(incident.reporter());
        return new NewIncident(
                trimmed(incident.title()),
                text(incident.description()),
                trimmed(incident.service()),
                trimmed(incident.category()),
                incident.impact(),
                incident.urgency(),
                source == null ? defaultSource : source,
                reporter == null ? trimmed(defaultReporter) : reporter,
                incident.detectedAt());
    }

    private static void validate(NewIncident incident) {
        List<FieldError> errors = new ArrayList<>();
        if (incident.title() == null) {
            errors.add(new FieldError("title", "must not be blank"));
        }
        checkLength(errors, "title", incident.title(), MAX_TITLE);
        checkLength(errors, "description", incident.description(), MAX_TEXT);
        checkLength(errors, "service", incident.service(), 100);
        checkLength(errors, "category", incident.category(), 50);
        checkLength(errors, "source", incident.source(), 50);
        checkLength(errors, "reporter", incident.reporter(), 100);
        if (incident.impact() != null) {
            checkRange(errors, "impact", incident.impact(), 1, 5);
        }
        if (incident.urgency() != null) {
            checkRange(errors, "urgency", incident.urgency(), 1, 3);
        }
        throwIfAny(errors);
    }

    private static void checkLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "size must be between 0 and " + max));
        }
    }

    private static void checkRange(List<FieldError> errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max));
        }
    }

    private static void checkTarget(List<FieldError> errors, String field, Duration target) {
        if (target == null || target.isNegative()) {
            errors.add(new FieldError(field, "must be a duration of 0 or more"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new IncidentValidationException(errors);
        }
    }

    /** Names, groups and titles: surrounding blanks are typing accidents. */
    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Free text is kept as written (line breaks, indentation); only an empty answer becomes null. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
