package io.incidentflow.engagement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.incidentflow.engagement.EscalationPlan.Stage;
import io.incidentflow.engagement.EscalationPlan.Target;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Escalation plans: validated, stored as a whole, every change audited in its transaction. */
@Service
class EscalationPlanService {

    private static final Logger log = LoggerFactory.getLogger(EscalationPlanService.class);
    static final String AUDIT_TYPE = "escalation-plan";
    static final int MAX_STAGES = 20;
    static final int MAX_TARGETS = 20;
    static final int MAX_REPEAT = 10;
    static final int MAX_MINUTES = 24 * 60;

    private final EscalationPlanRepository repository;
    private final References references;
    private final EngagementAudit audit;
    private final Clock clock;

    @Autowired
    EscalationPlanService(EscalationPlanRepository repository, References references, EngagementAudit audit) {
        this(repository, references, audit, Clock.systemUTC());
    }

    EscalationPlanService(EscalationPlanRepository repository, References references, EngagementAudit audit,
            Clock clock) {
        this.repository = repository;
        this.references = references;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<EscalationPlan> list() {
        return repository.names().stream().map(name -> repository.find(name).orElseThrow()).toList();
    }

    @Transactional(readOnly = true)
    Optional<EscalationPlan> find(String name) {
        return name == null ? Optional.empty() : repository.find(name);
    }

    EscalationPlan get(String name) {
        return find(name).orElseThrow(() -> new PlanNotFoundException("escalation plan", name));
    }

    @Transactional
    EscalationPlan create(EscalationPlan request, String actor) {
        EscalationPlan plan = validated(request, Checks.trimmed(request.name()), true);
        if (repository.exists(plan.name())) {
            throw new EngagementConflictException("There is already an escalation plan " + plan.name() + ".");
        }
        repository.insert(plan, actor, now());
        audit.record(actor, "escalation-plan.created", AUDIT_TYPE, plan.name(), Map.of("plan", plan));
        return get(plan.name());
    }

    /** Replaces the plan as a whole; the body's name, if given, must be the plan's. */
    @Transactional
    EscalationPlan replace(String name, EscalationPlan request, String actor) {
        if (!repository.lock(name)) {
            throw new PlanNotFoundException("escalation plan", name);
        }
        String bodyName = Checks.trimmed(request.name());
        if (bodyName != null && !bodyName.equals(name)) {
            throw new EngagementValidationException(List.of(new EngagementValidationException.FieldError("name",
                    "cannot be changed (was " + name + "); create a new plan")));
        }
        EscalationPlan before = get(name);
        EscalationPlan plan = validated(request, name, true);
        if (!plan.equals(before)) {
            repository.replace(plan, actor, now());
            audit.record(actor, "escalation-plan.updated", AUDIT_TYPE, name, Map.of("from", before, "to", plan));
        }
        return get(name);
    }

    @Transactional
    void delete(String name, String actor) {
        if (!repository.lock(name)) {
            throw new PlanNotFoundException("escalation plan", name);
        }
        List<String> users = repository.usedBy(name);
        if (!users.isEmpty()) {
            throw new EngagementConflictException("Escalation plan " + name + " is used by response plan(s) "
                    + String.join(", ", users) + "; change them first.");
        }
        EscalationPlan before = get(name);
        repository.delete(name);
        audit.record(actor, "escalation-plan.deleted", AUDIT_TYPE, name, Map.of("plan", before));
    }

    /**
     * Creates the configured plan or brings the stored one in line; an unchanged plan is left alone, so restarts add
     * nothing to the audit log. Contacts and schedules are often created later through the API, so a missing one
     * is only logged here: the plan skips it when it runs.
     */
    @Transactional
    void seed(EscalationPlan seed) {
        EscalationPlan plan = validated(seed, Checks.trimmed(seed.name()), false);
        Optional<EscalationPlan> stored = repository.find(plan.name());
        if (stored.isEmpty()) {
            repository.insert(plan, EngagementAudit.CONFIGURATION, now());
            audit.record(EngagementAudit.CONFIGURATION, "escalation-plan.created", AUDIT_TYPE, plan.name(),
                    Map.of("plan", plan));
        } else if (!stored.get().equals(plan)) {
            repository.replace(plan, EngagementAudit.CONFIGURATION, now());
            audit.record(EngagementAudit.CONFIGURATION, "escalation-plan.updated", AUDIT_TYPE, plan.name(),
                    Map.of("from", stored.get(), "to", plan));
        }
    }

    /** The plan as stored: trimmed, defaults filled in (repeat 0, acknowledgement stops the plan). */
    private EscalationPlan validated(EscalationPlan request, String name, boolean strictReferences) {
        Checks checks = new Checks();
        checks.name("name", name);
        String description = Checks.trimmed(request.description());
        checks.length("description", description, 500);
        int repeat = request.repeat() == null ? 0 : request.repeat();
        checks.range("repeat", repeat, 0, MAX_REPEAT);
        List<Stage> stages = new ArrayList<>();
        List<Stage> requested = request.stages() == null ? List.of() : request.stages();
        if (requested.isEmpty() || requested.size() > MAX_STAGES) {
            checks.add("stages", "must list 1 to " + MAX_STAGES + " stages");
        }
        for (int s = 0; s < requested.size(); s++) {
            stages.add(stage(checks, "stages[" + s + "]", requested.get(s), strictReferences, name));
        }
        checks.throwIfAny();
        return new EscalationPlan(name, description, repeat, List.copyOf(stages));
    }

    private Stage stage(Checks checks, String field, Stage stage, boolean strictReferences, String plan) {
        if (stage == null) {
            checks.add(field, "must not be null");
            return null;
        }
        if (stage.durationMinutes() == null) {
            checks.add(field + ".durationMinutes", "is required");
        }
        checks.range(field + ".durationMinutes", stage.durationMinutes(), 1, MAX_MINUTES);
        List<Target> requested = stage.targets() == null ? List.of() : stage.targets();
        if (requested.isEmpty() || requested.size() > MAX_TARGETS) {
            checks.add(field + ".targets", "must list 1 to " + MAX_TARGETS + " contacts or schedules");
        }
        List<Target> targets = new ArrayList<>();
        for (int t = 0; t < requested.size(); t++) {
            targets.add(target(checks, field + ".targets[" + t + "]", requested.get(t), strictReferences, plan));
        }
        return new Stage(stage.durationMinutes(), !Boolean.FALSE.equals(stage.acknowledgementStopsPlan()),
                List.copyOf(targets));
    }

    private Target target(Checks checks, String field, Target target, boolean strictReferences, String plan) {
        String contact = target == null ? null : Checks.trimmed(target.contact());
        String schedule = target == null ? null : Checks.trimmed(target.schedule());
        if ((contact == null) == (schedule == null)) {
            checks.add(field, "must name exactly one of contact and schedule");
        } else if (contact != null && !references.contactExists(contact)) {
            missing(checks, field + ".contact", "there is no contact " + contact, strictReferences, plan);
        } else if (schedule != null && !references.scheduleExists(schedule)) {
            missing(checks, field + ".schedule", "there is no on-call schedule " + schedule, strictReferences, plan);
        }
        return new Target(contact, schedule);
    }

    private static void missing(Checks checks, String field, String message, boolean strict, String plan) {
        if (strict) {
            checks.add(field, message);
        } else {
            log.warn("Escalation plan {} (incidentflow.escalation-plans): {}: {}; skipped when the plan runs",
                    plan, field, message);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
