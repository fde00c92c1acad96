package io.incidentflow.notification;

/**
 * A notification was not sent; the attempt is logged. Thrown so that the caller's job fails and the job executor
 * retries it. Not {@link #retryable()} when retrying cannot help: the contact or channel is gone or not activated.
 */
public class NotificationException extends RuntimeException {

    private final boolean retryable;

    NotificationException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
