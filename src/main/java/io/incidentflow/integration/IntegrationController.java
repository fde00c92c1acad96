package io.incidentflow.integration;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators manage integrations here; only this answer ever shows a key. */
@RestController
@RequestMapping("/api/integrations")
class IntegrationController {

    private final IntegrationService service;
    private final ObjectMapper json;
    private final Validator validator;

    IntegrationController(IntegrationService service, ObjectMapper json, Validator validator) {
        this.service = service;
        this.json = json;
        this.validator = validator;
    }

    @PostMapping
    ResponseEntity<IntegrationService.CreatedIntegration> create(@Valid @RequestBody IntegrationRequest request,
            Authentication user) {
        IntegrationService.CreatedIntegration created = service.create(request, user.getName());
        return ResponseEntity.created(URI.create("/api/integrations/" + created.integration().id())).body(created);
    }

    @GetMapping
    List<Integration> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    ResponseEntity<Integration> get(@PathVariable long id) {
        return ResponseEntity.of(service.find(id));
    }

    /** A JSON merge patch of the defaults: {@code {"urgency": 1, "service": null}} sets one and clears one. */
    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    Integration changeDefaults(@PathVariable long id, @RequestBody JsonNode patch, Authentication user) {
        return service.changeDefaults(id, IntegrationPatch.of(patch, json, validator), user.getName());
    }

    @PostMapping("/{id}/rotate-key")
    IntegrationService.CreatedIntegration rotateKey(@PathVariable long id, Authentication user) {
        return service.rotateKey(id, user.getName());
    }

    @PostMapping("/{id}/disable")
    Integration disable(@PathVariable long id, Authentication user) {
        return service.setEnabled(id, false, user.getName());
    }

    @PostMapping("/{id}/enable")
    Integration enable(@PathVariable long id, Authentication user) {
        return service.setEnabled(id, true, user.getName());
    }

    @ExceptionHandler(IntegrationNotFoundException.class)
    ProblemDetail notFound(IntegrationNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Integration not found");
        return problem;
    }

    @ExceptionHandler(IntegrationNameTakenException.class)
    ProblemDetail nameTaken(IntegrationNameTakenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Integration name taken");
        problem.setProperty("errors", List.of(Map.of("field", "name", "message", "is taken")));
        return problem;
    }
}
