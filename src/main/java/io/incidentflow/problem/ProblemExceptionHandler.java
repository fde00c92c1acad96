package io.incidentflow.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem-record errors as RFC 7807 problems shaped like the rest of the API: {@code errors} name the fields. */
@RestControllerAdvice(assignableTypes = ProblemController.class)
class ProblemExceptionHandler {

    @ExceptionHandler(ProblemValidationException.class)
    ProblemDetail invalid(ProblemValidationException ex, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), request);
        problem.setProperty("errors", ex.errors().stream()
                .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return problem;
    }

    @ExceptionHandler(ProblemConflictException.class)
    ProblemDetail conflict(ProblemConflictException ex, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Transition not allowed", ex.getMessage(), request);
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler(ProblemNotFoundException.class)
    ProblemDetail notFound(ProblemNotFoundException ex, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Problem not found", ex.getMessage(), request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
