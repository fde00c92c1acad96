package io.incidentflow.integration;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators manage integrations here; only this answer ever shows a key. */
@RestController
@RequestMapping("/api/integrations")
class IntegrationController {

    private final IntegrationService service;

    IntegrationController(IntegrationService service) {
        this.service = service;
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

    @PutMapping("/{id}")
    Integration update(@PathVariable long id, @Valid @RequestBody IntegrationRequest request, Authentication user) {
        return service.update(id, request, user.getName());
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
}
