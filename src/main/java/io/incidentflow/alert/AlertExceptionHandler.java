package io.incidentflow.alert;

import java.util.List;
import java.util.Map;

import io.incidentflow.integration.IntegrationKeyException;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The intake's answers in RFC 7807 form. Alertmanager drops 4xx (429 included) and retries 5xx, so
 * anything that a retry can fix is 503 with Retry-After, and only the sender's own mistakes are 4xx.
 */
@RestControllerAdvice(assignableTypes = AlertController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AlertExceptionHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(AlertFormatException.class)
    ResponseEntity<ProblemDetail> badPayload(AlertFormatException e, HttpServletRequest request) {
        AlertMetrics.rejected(request, "invalid");
        // The exception's message starts with the field; next to the field, the message alone reads right.
        String prefix = e.field() + ": ";
        String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        return problem(HttpStatus.BAD_REQUEST, "Invalid alert", e.getMessage(), e.field(), message);
    }

    @ExceptionHandler(AlertRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(AlertRequestException e, HttpServletRequest request) {
        AlertMetrics.rejected(request, "request");
        return problem(e.status(), e.status().getReasonPhrase(), e.getMessage(), e.field(), e.getMessage());
    }

    @ExceptionHandler(IntegrationKeyException.class)
    ResponseEntity<ProblemDetail> badKey(IntegrationKeyException e, HttpServletRequest request) {
        AlertMetrics.rejected(request, "key");
        HttpStatus status = e.known() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        return problem(status, status.getReasonPhrase(), e.getMessage(), "key", e.getMessage());
    }

    @ExceptionHandler(AlertOverloadException.class)
    ResponseEntity<ProblemDetail> overloaded(AlertOverloadException e, HttpServletRequest request) {
        AlertMetrics.rejected(request, "unavailable");
        return unavailable(e.getMessage());
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseTrouble(RuntimeException e, HttpServletRequest request) {
        AlertMetrics.rejected(request, "unavailable");
        log.warn("Alert intake could not reach the database; answering 503 so the sender retries", e);
        return unavailable("the database is not available; nothing was stored, please retry");
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Try again later");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String field,
            String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.status(status).body(problem);
    }
}
