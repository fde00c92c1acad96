package io.incidentflow.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Problem records over HTTP; who may change them is the security configuration's business. */
@RestController
@RequestMapping(path = "/api/problems", produces = MediaType.APPLICATION_JSON_VALUE)
class ProblemController {

    private final ProblemService problems;

    ProblemController(ProblemService problems) {
        this.problems = problems;
    }

    record CreateRequest(String title, String description, String owner, String incident) {
    }

    record LinkRequest(String incident) {
    }

    @GetMapping
    List<Problem> list(@RequestParam(required = false) ProblemState state,
            @RequestParam(required = false) String incident) {
        return problems.list(state, incident);
    }

    @GetMapping("/{number}")
    Problem get(@PathVariable String number) {
        return problems.find(number);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Problem> create(@RequestBody CreateRequest request, Authentication user) {
        Problem problem = problems.create(
                new NewProblem(request.title(), request.description(), request.owner(), request.incident(), null),
                user.getName());
        return ResponseEntity.created(URI.create("/api/problems/" + problem.number())).body(problem);
    }

    @PostMapping(path = "/{number}/transition", consumes = MediaType.APPLICATION_JSON_VALUE)
    Problem transition(@PathVariable String number, @RequestBody ProblemTransition transition, Authentication user) {
        return problems.transition(number, transition, user.getName());
    }

    @PostMapping(path = "/{number}/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
    Problem link(@PathVariable String number, @RequestBody LinkRequest request, Authentication user) {
        return problems.link(number, request.incident(), user.getName());
    }
}
