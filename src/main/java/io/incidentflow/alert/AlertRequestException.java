package io.incidentflow.alert;

import org.springframework.http.HttpStatus;

/** A request the intake refuses before reading any alert: wrong endpoint, media type or size. */
class AlertRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    AlertRequestException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }
}
