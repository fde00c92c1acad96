package io.incidentflow.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.incidentflow.contact.ContactValidationException;
import io.incidentflow.incident.IncidentValidationException;
import io.incidentflow.integration.IntegrationValidationException;
import io.incidentflow.oncall.ScheduleValidationException;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our REST API as an RFC 7807 problem. A client that sent bad input gets status 400 and
 * {@code errors}: one {@code {field, message}} per offending field (query parameter or JSON property), so a
 * form can show each message next to its field. The remaining errors (404, 405, 415 …) keep Spring's problems.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final String INVALID_TITLE = "Invalid request";

    /** One offending value; {@code field} is null when the input was unreadable as a whole. */
    public record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(null, error.getDefaultMessage())));
        return badRequest(ex, "The request has invalid values: " + summary(errors), errors, headers, request);
    }

    /** Malformed JSON, or JSON whose value does not fit the property (text for a number, an unknown status). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JsonMappingException mapping = cause(ex, JsonMappingException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            FieldProblem problem = new FieldProblem(field, mappingMessage(mapping));
            return badRequest(ex, "The request body has an invalid value for " + field + ".", List.of(problem),
                    headers, request);
        }
        JsonProcessingException syntax = cause(ex, JsonProcessingException.class);
        String detail = syntax != null
                // The original message describes the input only (no Java types), e.g. "Unexpected character ('}')".
                ? "The request body is not valid JSON: " + syntax.getOriginalMessage()
                        + (syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr()
                                + ", column " + syntax.getLocation().getColumnNr() + ")")
                : "The request body is missing or unreadable.";
        return badRequest(ex, detail, List.of(new FieldProblem(null, detail)), headers, request);
    }

    /** A query or path parameter of the wrong type, e.g. {@code priority=abc}. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        FieldProblem problem = new FieldProblem(ex.getPropertyName(), expected(ex.getRequiredType()));
        return badRequest(ex, "The parameter " + ex.getPropertyName() + " has an invalid value.", List.of(problem),
                headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem problem = new FieldProblem(ex.getParameterName(), "is required");
        return badRequest(ex, "The parameter " + ex.getParameterName() + " is missing.", List.of(problem), headers,
                request);
    }

    /** Constraint annotations on handler parameters (e.g. {@code @Min(1) @RequestParam int size}). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldProblem(name, error.getDefaultMessage()));
            }
        });
        return badRequest(ex, "The request has invalid values: " + summary(errors), errors, headers, request);
    }

    /** The incident rules found bad input that the annotations did not (or could not) catch. */
    @ExceptionHandler(IncidentValidationException.class)
    ResponseEntity<Object> handleIncidentValidation(IncidentValidationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.errors().stream()
                .map(error -> new FieldProblem(error.field(), error.message()))
                .toList();
        return badRequest(ex, "The request has invalid values: " + summary(errors), errors, new HttpHeaders(), request);
    }

    /** The on-call schedule rules found bad input that the annotations could not catch. */
    @ExceptionHandler(ScheduleValidationException.class)
    ResponseEntity<Object> handleScheduleValidation(ScheduleValidationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.errors().stream()
                .map(error -> new FieldProblem(error.field(), error.message()))
                .toList();
        return badRequest(ex, "The request has invalid values: " + summary(errors), errors, new HttpHeaders(), request);
    }

    /** The contact rules found bad input: an e-mail address, a time zone, a stage naming someone else's channel. */
    @ExceptionHandler(ContactValidationException.class)
    ResponseEntity<Object> handleContactValidation(ContactValidationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.errors().stream()
                .map(error -> new FieldProblem(error.field(), error.message()))
                .toList();
        return badRequest(ex, "The request has invalid values: " + summary(errors), errors, new HttpHeaders(), request);
    }

    /** A change to an integration (a merge patch) that does not fit its rules. */
    @ExceptionHandler(IntegrationValidationException.class)
    ResponseEntity<Object> handleIntegrationValidation(IntegrationValidationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.errors().stream()
                .map(error -> new FieldProblem(error.field(), error.message()))
                .toList();
        return badRequest(ex, "The request has invalid values: " + summary(errors), errors, new HttpHeaders(), request);
    }

    /** Camunda refused the authenticated user (e.g. no CREATE_INSTANCE on the process): not a server error. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Object> handleCamundaAuthorization(AuthorizationException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "You are not permitted to do this; ask an administrator for the permission.");
        problem.setTitle("Forbidden");
        return handleExceptionInternal(ex, withInstance(problem, request), new HttpHeaders(), HttpStatus.FORBIDDEN,
                request);
    }

    private ResponseEntity<Object> badRequest(Exception ex, String detail, List<FieldProblem> errors,
            HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(INVALID_TITLE);
        problem.setProperty("errors", errors.stream()
                .sorted(Comparator.comparing(FieldProblem::field, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList());
        return handleExceptionInternal(ex, withInstance(problem, request), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail withInstance(ProblemDetail problem, WebRequest request) {
        if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return problem;
    }

    private static String summary(List<FieldProblem> errors) {
        return errors.stream()
                .map(error -> error.field() == null ? error.message() : error.field() + " " + error.message())
                .sorted()
                .collect(Collectors.joining("; "));
    }

    /** {@code detectedAt}, {@code items[2].title}: the property path as the client wrote it. */
    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : ex.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String mappingMessage(JsonMappingException ex) {
        if (ex instanceof UnrecognizedPropertyException) {
            return "is not a known property";
        }
        if (ex instanceof InvalidFormatException invalid) {
            return expected(invalid.getTargetType());
        }
        if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return expected(mismatched.getTargetType());
        }
        return "has an invalid value";
    }

    /** Names the expected type in the client's terms, listing an enum's values. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == Long.class || type == Short.class
                || type == int.class || type == long.class || type == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class
                || type == java.time.ZonedDateTime.class) {
            return "must be an ISO-8601 date and time with offset, e.g. 2025-01-31T09:30:00Z";
        }
        if (type == java.time.LocalTime.class) {
            return "must be a time of day such as 09:00";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date such as 2026-03-02";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        return "must be a value of type " + type.getSimpleName();
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
