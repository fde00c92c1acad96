package io.incidentflow.engagement;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Escalation plans over HTTP; who may call what is the security configuration's business. */
@RestController
@RequestMapping(path = "/api/escalation-plans", produces = MediaType.APPLICATION_JSON_VALUE)
class EscalationPlanController {

    private final EscalationPlanService plans;

    EscalationPlanController(EscalationPlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    List<EscalationPlan> list() {
        return plans.list();
    }

    @GetMapping("/{name}")
    EscalationPlan get(@PathVariable String name) {
        return plans.get(name);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EscalationPlan> create(@RequestBody EscalationPlan request, Authentication authentication) {
        EscalationPlan plan = plans.create(request, authentication.getName());
        return ResponseEntity.created(URI.create("/api/escalation-plans/" + plan.name())).body(plan);
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    EscalationPlan replace(@PathVariable String name, @RequestBody EscalationPlan request,
            Authentication authentication) {
        return plans.replace(name, request, authentication.getName());
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name, Authentication authentication) {
        plans.delete(name, authentication.getName());
    }
}
