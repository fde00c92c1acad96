package io.incidentflow.incidentops;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import io.incidentflow.incident.IncidentNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An incident number in the path of a review or incident-operation URL that names no incident: 404. */
@RestControllerAdvice(basePackages = {"io.incidentflow.incidentops", "io.incidentflow.review"})
class IncidentNotFoundHandler {

    @ExceptionHandler(IncidentNotFoundException.class)
    ProblemDetail notFound(IncidentNotFoundException ex, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage() + ".");
        problem.setTitle("Incident not found");
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
