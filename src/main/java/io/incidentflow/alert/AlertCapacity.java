package io.incidentflow.alert;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * How many alert requests this node is accepting right now. The intake sheds load above the limit (503, which
 * senders retry), and the opener reads it to give way: accepting must not wait for the workflow engine.
 */
@Component
class AlertCapacity {

    private final int limit;
    private final Semaphore inFlight;

    AlertCapacity(AlertProperties properties) {
        this.limit = properties.maxConcurrent();
        this.inFlight = new Semaphore(limit);
    }

    /**
     * Everything that needs the database counts as in flight, the key check included: when the database is
     * slow, waiting requests would otherwise pile up on the connection pool instead of being told to retry.
     */
    <T> T withCapacity(Supplier<T> work) {
        if (!inFlight.tryAcquire()) {
            throw new AlertOverloadException();
        }
        try {
            return work.get();
        } finally {
            inFlight.release();
        }
    }

    boolean busy() {
        return inFlight.availablePermits() < limit;
    }
}
