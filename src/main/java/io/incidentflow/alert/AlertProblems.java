package io.incidentflow.alert;

import java.util.List;
import java.util.Map;

import io.incidentflow.integration.IntegrationKeyException;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;

/**
 * The intake's answers in RFC 9457 form. Alertmanager drops 4xx (429 included) and retries 5xx, so
 * anything that a retry can fix is 503 with Retry-After, and only the sender's own mistakes are 4xx.
 */
final class AlertProblems {

    private static final Logger log = LoggerFactory.getLogger(AlertProblems.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private AlertProblems() {
    }

    static ResponseEntity<ProblemDetail> answer(RuntimeException e, HttpServletRequest request) {
        if (e instanceof AlertFormatException format) {
            AlertMetrics.rejected(request, "invalid");
            // The exception's message starts with the field; next to the field, the message alone reads right.
            String prefix = format.field() + ": ";
            String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            return problem(HttpStatus.BAD_REQUEST, "Invalid alert", e.getMessage(), format.field(), message);
        }
        if (e instanceof AlertRequestException refused) {
            AlertMetrics.rejected(request, "request");
            return problem(refused.status(), refused.status().getReasonPhrase(), e.getMessage(), refused.field(),
                    e.getMessage());
        }
        if (e instanceof IntegrationKeyException key) {
            AlertMetrics.rejected(request, "key");
            HttpStatus status = key.known() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
            return problem(status, status.getReasonPhrase(), e.getMessage(), "key", e.getMessage());
        }
        if (e instanceof AlertOverloadException) {
            AlertMetrics.rejected(request, "unavailable");
            return unavailable(e.getMessage());
        }
        if (e instanceof DataAccessException || e instanceof TransactionException) {
            AlertMetrics.rejected(request, "unavailable");
            log.warn("Alert intake could not reach the database; answering 503 so the sender retries", e);
            return unavailable("the database is not available; nothing was stored, please retry");
        }
        // Nothing was committed (the transaction rolled back), so a retry loses nothing; the log says what broke.
        AlertMetrics.rejected(request, "error");
        log.error("Alert intake failed on {}", request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the alert could not be stored; nothing was stored, please retry");
        return ResponseEntity.internalServerError().body(problem);
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
