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

/** Response plans over HTTP. Webhook URLs are secrets: every answer shows them as scheme and host only. */
@RestController
@RequestMapping(path = "/api/response-plans", produces = MediaType.APPLICATION_JSON_VALUE)
class ResponsePlanController {

    private final ResponsePlanService plans;

    ResponsePlanController(ResponsePlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    List<ResponsePlan> list() {
        return plans.list().stream().map(ResponsePlanService::masked).toList();
    }

    @GetMapping("/{name}")
    ResponsePlan get(@PathVariable String name) {
        return ResponsePlanService.masked(plans.get(name));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ResponsePlan> create(@RequestBody ResponsePlan request, Authentication authentication) {
        ResponsePlan plan = plans.create(request, authentication.getName());
        return ResponseEntity.created(URI.create("/api/response-plans/" + plan.name()))
                .body(ResponsePlanService.masked(plan));
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponsePlan replace(@PathVariable String name, @RequestBody ResponsePlan request,
            Authentication authentication) {
        return ResponsePlanService.masked(plans.replace(name, request, authentication.getName()));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name, Authentication authentication) {
        plans.delete(name, authentication.getName());
    }
}
