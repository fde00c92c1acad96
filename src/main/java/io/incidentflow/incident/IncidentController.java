package io.incidentflow.incident;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents over HTTP. Errors are RFC 7807 problems (see {@code io.incidentflow.web.ApiExceptionHandler});
 * who may call what is the security configuration's business.
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    private static final String ROLE_PREFIX = "ROLE_";

    private final IncidentService incidents;

    IncidentController(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** Reports an incident: starts the incident process, which registers and numbers it. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Incident> report(@Valid @RequestBody ReportIncidentRequest request, Authentication authentication) {
        Incident incident = incidents.report(request.toNewIncident(), actor(authentication), groups(authentication));
        // Relative, so that it stays right behind a proxy that rewrites host or scheme.
        return ResponseEntity.created(URI.create("/api/incidents/" + incident.number())).body(incident);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    IncidentPage list(@RequestParam(required = false) IncidentStatus status,
            @RequestParam(required = false) Integer priority,
            @RequestParam(name = "group", required = false) String group,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return incidents.list(new IncidentFilter(status, priority, group, page, size));
    }

    @GetMapping(path = "/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    Incident get(@PathVariable String number) {
        return incidents.findByNumber(number).orElseThrow(() -> notFound(number));
    }

    /** The caller acknowledges the incident: the first acknowledgement counts, and ends the engagement's paging. */
    @PostMapping(path = "/{number}/acknowledge", produces = MediaType.APPLICATION_JSON_VALUE)
    Incident acknowledge(@PathVariable String number, Authentication authentication) {
        Incident incident = incidents.findByNumber(number).orElseThrow(() -> notFound(number));
        incidents.acknowledge(incident.id(), actor(authentication));
        return incidents.findById(incident.id()).orElseThrow(() -> notFound(number));
    }

    private static ErrorResponseException notFound(String number) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no incident " + number + ".");
        problem.setTitle("Incident not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    private static String actor(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    /** Camunda's group ids: the security configuration grants each group as the role ROLE_&lt;groupId&gt;. */
    private static List<String> groups(Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .toList();
    }
}
