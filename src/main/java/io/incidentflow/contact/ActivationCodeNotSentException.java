package io.incidentflow.contact;

/** The channel's provider (mail server, SMS gateway, webhook) refused or could not be reached. */
class ActivationCodeNotSentException extends RuntimeException {

    ActivationCodeNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
