package io.incidentflow.oncall;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * On-call schedules over HTTP. Bad input is a 400 problem naming each field (see
 * {@code io.incidentflow.web.ApiExceptionHandler}); who may call what is the security configuration's business.
 */
@RestController
@RequestMapping(path = "/api/schedules", produces = MediaType.APPLICATION_JSON_VALUE)
class ScheduleController {

    /** Who is on call at an instant. */
    record OnCallAnswer(String scheduleId, Instant at, List<String> contacts) {
    }

    /** The shift in progress at {@code from} and the ones after it. */
    record ShiftsAnswer(String scheduleId, Instant from, List<Shift> shifts) {
    }

    static final int MAX_SHIFTS = 100;

    private final OnCallService onCall;

    ScheduleController(OnCallService onCall) {
        this.onCall = onCall;
    }

    @GetMapping
    List<Schedule> list() {
        return onCall.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Schedule> create(@Valid @RequestBody ScheduleRequest request, Authentication authentication) {
        Schedule schedule = onCall.create(request.toSchedule(), authentication.getName());
        // Relative, so that it stays right behind a proxy that rewrites host or scheme.
        return ResponseEntity.created(URI.create("/api/schedules/" + schedule.id())).body(schedule);
    }

    @GetMapping("/{id}")
    Schedule get(@PathVariable String id) {
        return onCall.get(id);
    }

    /** The body is the whole schedule, overrides included; its id must be the one in the path. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Schedule replace(@PathVariable String id, @Valid @RequestBody ScheduleRequest request,
            Authentication authentication) {
        if (!id.equals(request.id())) {
            throw new ScheduleValidationException("id", "must be the id in the path, " + id);
        }
        return onCall.replace(request.toSchedule(), authentication.getName());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication authentication) {
        onCall.delete(id, authentication.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/on-call")
    OnCallAnswer whoIsOnCall(@PathVariable String id, @RequestParam(required = false) Instant at) {
        Instant when = at == null ? onCall.now() : at;
        return new OnCallAnswer(id, when, onCall.whoIsOnCall(id, when));
    }

    @GetMapping("/{id}/shifts")
    ShiftsAnswer shifts(@PathVariable String id, @RequestParam(required = false) Instant from,
            @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_SHIFTS) int count) {
        Instant since = from == null ? onCall.now() : from;
        return new ShiftsAnswer(id, since, onCall.nextShifts(id, since, count));
    }

    /** A shift swap or holiday cover without resending the schedule. */
    @PostMapping(path = "/{id}/overrides", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScheduleOverride> addOverride(@PathVariable String id, @Valid @RequestBody OverrideRequest request,
            Authentication authentication) {
        ScheduleOverride override = onCall.addOverride(id, request.toOverride(), authentication.getName());
        return ResponseEntity.created(URI.create("/api/schedules/" + id + "/overrides/" + override.id()))
                .body(override);
    }

    @GetMapping("/{id}/overrides/{overrideId}")
    ScheduleOverride getOverride(@PathVariable String id, @PathVariable long overrideId) {
        return onCall.get(id).overrides().stream()
                .filter(override -> override.id() == overrideId)
                .findFirst()
                .orElseThrow(() -> overrideNotFound(id, overrideId));
    }

    @DeleteMapping("/{id}/overrides/{overrideId}")
    ResponseEntity<Void> removeOverride(@PathVariable String id, @PathVariable long overrideId,
            Authentication authentication) {
        if (!onCall.removeOverride(id, overrideId, authentication.getName())) {
            throw overrideNotFound(id, overrideId);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ScheduleNotFoundException.class)
    ProblemDetail scheduleNotFound(ScheduleNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Schedule not found", ex.getMessage());
    }

    @ExceptionHandler(ScheduleAlreadyExistsException.class)
    ProblemDetail scheduleExists(ScheduleAlreadyExistsException ex) {
        return problem(HttpStatus.CONFLICT, "Schedule exists", ex.getMessage());
    }

    private static ErrorResponseException overrideNotFound(String id, long overrideId) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "Override not found",
                "Schedule " + id + " has no override " + overrideId + "."), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
