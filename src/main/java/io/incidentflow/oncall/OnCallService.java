package io.incidentflow.oncall;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.incidentflow.oncall.ScheduleValidationException.FieldError;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On-call schedules. Other features ask {@link #whoIsOnCall} and {@link #exists}; the REST API manages schedules.
 * Every change goes through {@link ScheduleChanges} for the audit trail.
 */
@Service
public class OnCallService {

    /** Far enough either way for any schedule, near enough that the maths and its horizon stay in range. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

    private final ScheduleRepository repository;
    private final ScheduleChanges changes;
    private final Clock clock;

    @Autowired
    OnCallService(ScheduleRepository repository, ScheduleChanges changes) {
        this(repository, changes, Clock.systemUTC());
    }

    OnCallService(ScheduleRepository repository, ScheduleChanges changes, Clock clock) {
        this.repository = repository;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Who is on call in schedule {@code scheduleId} at {@code at}: contact ids in order, without repeats; empty when
     * nobody is.
     *
     * @throws ScheduleNotFoundException when there is no such schedule
     * @throws ScheduleValidationException when {@code at} is before 1900 or after 9000
     */
    @Transactional(readOnly = true)
    public List<String> whoIsOnCall(String scheduleId, Instant at) {
        checkInstant("at", at);
        return RotationMath.whoIsOnCall(get(scheduleId), at);
    }

    public boolean exists(String scheduleId) {
        return scheduleId != null && repository.exists(scheduleId);
    }

    Instant now() {
        return clock.instant();
    }

    List<Schedule> list() {
        return repository.findAll();
    }

    Schedule get(String scheduleId) {
        return repository.find(scheduleId).orElseThrow(() -> new ScheduleNotFoundException(scheduleId));
    }

    /** The shift in progress at {@code from} and the ones after it, at most {@code count} (the API allows 1 to 100). */
    @Transactional(readOnly = true)
    List<Shift> nextShifts(String scheduleId, Instant from, int count) {
        checkInstant("from", from);
        return RotationMath.nextShifts(get(scheduleId), from, count);
    }

    @Transactional
    Schedule create(Schedule schedule, String actor) {
        checkOverrides(schedule);
        try {
            repository.insert(schedule, timestamp());
        } catch (DuplicateKeyException e) {
            throw new ScheduleAlreadyExistsException(schedule.id());
        }
        changes.record(actor, ScheduleChanges.CREATED, schedule.id(), describe(schedule));
        return get(schedule.id());
    }

    /** Replaces the whole schedule, overrides included; overrides get new ids. */
    @Transactional
    Schedule replace(Schedule schedule, String actor) {
        checkOverrides(schedule);
        if (!repository.replace(schedule, timestamp())) {
            throw new ScheduleNotFoundException(schedule.id());
        }
        changes.record(actor, ScheduleChanges.REPLACED, schedule.id(), describe(schedule));
        return get(schedule.id());
    }

    @Transactional
    void delete(String scheduleId, String actor) {
        Schedule schedule = get(scheduleId);
        repository.delete(scheduleId);
        changes.record(actor, ScheduleChanges.DELETED, scheduleId, describe(schedule));
    }

    @Transactional
    ScheduleOverride addOverride(String scheduleId, ScheduleOverride override, String actor) {
        Schedule schedule = get(scheduleId);
        if (!replacesAParticipant(schedule, override)) {
            throw new ScheduleValidationException("replaces", notAParticipant(override));
        }
        ScheduleOverride stored = repository.insertOverride(scheduleId, override, timestamp());
        changes.record(actor, ScheduleChanges.OVERRIDE_ADDED, scheduleId, describe(stored));
        return stored;
    }

    /** False when the schedule exists but has no such override. */
    @Transactional
    boolean removeOverride(String scheduleId, long overrideId, String actor) {
        get(scheduleId);
        if (!repository.deleteOverride(scheduleId, overrideId)) {
            return false;
        }
        changes.record(actor, ScheduleChanges.OVERRIDE_REMOVED, scheduleId, Map.of("overrideId", overrideId));
        return true;
    }

    /** A mistyped name would make an override do nothing, silently: the replaced contact must take turns. */
    private static void checkOverrides(Schedule schedule) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < schedule.overrides().size(); i++) {
            ScheduleOverride override = schedule.overrides().get(i);
            if (!replacesAParticipant(schedule, override)) {
                errors.add(new FieldError("overrides[" + i + "].replaces", notAParticipant(override)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ScheduleValidationException(errors);
        }
    }

    private static boolean replacesAParticipant(Schedule schedule, ScheduleOverride override) {
        return override.replacesEveryone() || schedule.hasParticipant(override.replaces());
    }

    private static String notAParticipant(ScheduleOverride override) {
        return "must be a participant of one of the schedule's rotations, or absent to replace everyone; "
                + override.replaces() + " is none";
    }

    private static void checkInstant(String field, Instant instant) {
        if (instant == null) {
            throw new ScheduleValidationException(field, "is required");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new ScheduleValidationException(field, "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    private OffsetDateTime timestamp() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Map<String, Object> describe(Schedule schedule) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", schedule.name());
        details.put("timeZone", schedule.timeZone().getId());
        details.put("rotations", schedule.rotations().stream().map(Rotation::name).toList());
        details.put("overrides", schedule.overrides().size());
        return details;
    }

    /** A LinkedHashMap, because an override for everyone replaces nobody in particular (null). */
    private static Map<String, Object> describe(ScheduleOverride override) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("overrideId", override.id());
        details.put("start", override.start().toString());
        details.put("end", override.end().toString());
        details.put("replaces", override.replaces());
        details.put("contact", override.contact());
        return details;
    }
}
