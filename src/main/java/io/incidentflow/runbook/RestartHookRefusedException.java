package io.incidentflow.runbook;

/** Retrying cannot help (no hook for the service, the hook says no): a person restarts the service instead. */
class RestartHookRefusedException extends RuntimeException {

    RestartHookRefusedException(String message) {
        super(message);
    }
}
