package io.incidentflow.incidentops;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.incidentflow.incident.IncidentNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An incident number in the path that names no incident: 404; an operation the incident's state forbids
 * (merging a closed incident): 409 naming the field. Bad input is an IncidentValidationException (400).
 */
@RestControllerAdvice(basePackages = {"io.incidentflow.incidentops", "io.incidentflow.review"})
class IncidentOperationsExceptionHandler {

    @ExceptionHandler(IncidentNotFoundException.class)
    ProblemDetail notFound(IncidentNotFoundException ex, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Incident not found", ex.getMessage() + ".", request);
    }

    @ExceptionHandler(OperationConflictException.class)
    ProblemDetail conflict(OperationConflictException ex, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not possible now", ex.getMessage(), request);
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
