package io.incidentflow.alert;

/** More requests in flight on this node than it accepts; the sender should retry shortly. */
class AlertOverloadException extends RuntimeException {

    AlertOverloadException() {
        super("too many alerts in flight on this node");
    }
}
