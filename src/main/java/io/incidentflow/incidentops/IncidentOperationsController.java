package io.incidentflow.incidentops;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Merge, split, links and comments of an incident; who may is the security configuration's business. */
@RestController
@RequestMapping(path = "/api/incidents/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentOperationsController {

    private static final String ROLE_PREFIX = "ROLE_";

    private final IncidentOperations operations;

    IncidentOperationsController(IncidentOperations operations) {
        this.operations = operations;
    }

    record MergeRequest(String into) {
    }

    record LinkRequest(LinkType type, String incident) {
    }

    record CommentRequest(String subject, String body) {
    }

    /** Merges this incident (the duplicate) into {@code into}. */
    @PostMapping(path = "/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    MergeResult merge(@PathVariable String number, @RequestBody MergeRequest request, Authentication user) {
        return operations.merge(number, request.into(), user.getName(), groups(user));
    }

    @PostMapping(path = "/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SplitResult> split(@PathVariable String number, @RequestBody SplitRequest request,
            Authentication user) {
        SplitResult result = operations.split(number, request, user.getName());
        return ResponseEntity.created(URI.create("/api/incidents/" + result.incident())).body(result);
    }

    @GetMapping("/links")
    List<IncidentLink> links(@PathVariable String number) {
        return operations.links(number);
    }

    @PostMapping(path = "/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    IncidentLink link(@PathVariable String number, @RequestBody LinkRequest request, Authentication user) {
        return operations.link(number, request.type(), request.incident(), user.getName());
    }

    @DeleteMapping("/links/{id}")
    ResponseEntity<Void> unlink(@PathVariable String number, @PathVariable long id) {
        operations.unlink(number, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/comments")
    List<Comment> comments(@PathVariable String number) {
        return operations.comments(number);
    }

    @PostMapping(path = "/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Comment comment(@PathVariable String number, @RequestBody CommentRequest request, Authentication user) {
        return operations.comment(number, request.subject(), request.body(), user.getName());
    }

    private static List<String> groups(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(ROLE_PREFIX)).map(a -> a.substring(ROLE_PREFIX.length()))
                .toList();
    }
}
