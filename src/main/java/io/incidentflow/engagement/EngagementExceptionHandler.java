package io.incidentflow.engagement;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The engagement API's problems, in the shape of {@code io.incidentflow.web.ApiExceptionHandler}'s. */
@RestControllerAdvice(basePackageClasses = EngagementExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngagementExceptionHandler {

    @ExceptionHandler(EngagementValidationException.class)
    ResponseEntity<ProblemDetail> invalid(EngagementValidationException ex, HttpServletRequest request) {
        List<Map<String, String>> errors = ex.errors().stream()
                .sorted(Comparator.comparing(EngagementValidationException.FieldError::field))
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid values: "
                + ex.errors().stream().map(error -> error.field() + " " + error.message())
                        .sorted().collect(Collectors.joining("; ")), request);
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @ExceptionHandler(PlanNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(PlanNotFoundException ex, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "Plan not found", ex.getMessage(), request));
    }

    @ExceptionHandler(EngagementConflictException.class)
    ResponseEntity<ProblemDetail> conflict(EngagementConflictException ex, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage(), request));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
