package io.incidentflow.problem;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.incidentflow.audit.AuditLog;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.problem.ProblemValidationException.FieldError;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Problem records: opened from review follow-ups or by hand, moved through their states, linked to incidents. */
@Service
public class ProblemService {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 10_000;
    private static final String TARGET = "problem";

    private final ProblemRepository repository;
    private final IncidentService incidents;
    private final AuditLog audit;
    private final Clock clock;

    @Autowired
    ProblemService(ProblemRepository repository, IncidentService incidents, AuditLog audit) {
        this(repository, incidents, audit, Clock.systemUTC());
    }

    ProblemService(ProblemRepository repository, IncidentService incidents, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    static String numberFor(long id) {
        return String.format(Locale.ROOT, "PRB-%06d", id);
    }

    @Transactional
    public Problem create(NewProblem request, String actor) {
        NewProblem problem = new NewProblem(trimmed(request.title()), trimmed(request.description()),
                trimmed(request.owner()), trimmed(request.incident()), request.reviewId());
        List<FieldError> errors = new ArrayList<>();
        if (problem.title() == null) {
            errors.add(new FieldError("title", "must not be blank"));
        }
        checkLength(errors, "title", problem.title(), MAX_TITLE);
        checkLength(errors, "description", problem.description(), MAX_TEXT);
        checkLength(errors, "owner", problem.owner(), 100);
        Incident incident = problem.incident() == null ? null : incident(problem.incident(), errors);
        throwIfAny(errors);
        OffsetDateTime now = now();
        long id = repository.insert(problem, actor, now);
        if (incident != null) {
            repository.link(id, incident.id(), actor, now);
        }
        Problem created = get(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("title", created.title());
        details.put("owner", created.owner());
        details.put("incidents", created.incidents());
        details.put("reviewId", created.reviewId());
        audit.record(actor, "PROBLEM_CREATED", TARGET, created.number(), details);
        return created;
    }

    @Transactional
    public Problem transition(String number, ProblemTransition transition, String actor) {
        Problem problem = find(number);
        List<FieldError> errors = new ArrayList<>();
        if (transition.state() == null) {
            errors.add(new FieldError("state", "must be one of INVESTIGATE, KNOWN_ERROR, RESOLVED"));
        }
        ProblemTransition to = new ProblemTransition(transition.state(), trimmed(transition.workaround()),
                trimmed(transition.rootCause()), trimmed(transition.resolution()));
        checkLength(errors, "workaround", to.workaround(), MAX_TEXT);
        checkLength(errors, "rootCause", to.rootCause(), MAX_TEXT);
        checkLength(errors, "resolution", to.resolution(), MAX_TEXT);
        throwIfAny(errors);
        if (!problem.state().next().contains(to.state())) {
            throw new ProblemConflictException("state", problem.number() + " is " + problem.state()
                    + " and cannot become " + to.state() + "; allowed: " + problem.state().next());
        }
        if (to.state() == ProblemState.KNOWN_ERROR && to.workaround() == null && problem.workaround() == null) {
            throw new ProblemValidationException("workaround", "is required for a known error");
        }
        if (to.state() == ProblemState.RESOLVED && to.resolution() == null && problem.resolution() == null) {
            throw new ProblemValidationException("resolution", "is required to resolve a problem");
        }
        if (repository.transition(problem.id(), problem.state(), to, actor, now()) == 0) {
            throw new ProblemConflictException("state", problem.number() + " changed meanwhile; reload it");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", problem.state().name());
        details.put("to", to.state().name());
        details.put("workaround", to.workaround());
        details.put("rootCause", to.rootCause());
        details.put("resolution", to.resolution());
        audit.record(actor, "PROBLEM_" + to.state().name(), TARGET, problem.number(), details);
        return get(problem.id());
    }

    /** Links a later incident with the same cause; linking one twice changes nothing. */
    @Transactional
    public Problem link(String number, String incidentNumber, String actor) {
        Problem problem = find(number);
        List<FieldError> errors = new ArrayList<>();
        Incident incident = incident(trimmed(incidentNumber), errors);
        throwIfAny(errors);
        if (repository.link(problem.id(), incident.id(), actor, now())) {
            audit.record(actor, "PROBLEM_INCIDENT_LINKED", TARGET, problem.number(),
                    Map.of("incident", incident.number()));
        }
        return get(problem.id());
    }

    @Transactional(readOnly = true)
    public List<Problem> list(ProblemState state, String incidentNumber) {
        return repository.list(state, incidentNumber == null ? null : incidentNumber.trim().toUpperCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public Problem find(String number) {
        String key = number == null ? "" : number.trim().toUpperCase(Locale.ROOT);
        return repository.findByNumber(key).orElseThrow(() -> new ProblemNotFoundException(number));
    }

    private Problem get(long id) {
        return repository.findById(id).orElseThrow();
    }

    private Incident incident(String number, List<FieldError> errors) {
        if (number == null) {
            errors.add(new FieldError("incident", "must not be blank"));
            return null;
        }
        Incident incident = incidents.findByNumber(number).orElse(null);
        if (incident == null) {
            errors.add(new FieldError("incident", "there is no incident " + number));
        }
        return incident;
    }

    private static void checkLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemValidationException(errors);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
