package io.incidentflow.runbook;

/** The hook may work again (5xx, timeout, refused connection): the job executor retries, then Cockpit shows it. */
class RestartHookUnavailableException extends RuntimeException {

    RestartHookUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
