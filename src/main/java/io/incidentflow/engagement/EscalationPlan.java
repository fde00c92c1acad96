package io.incidentflow.engagement;

import java.util.List;

/**
 * Ordered stages, each engaging its targets and waiting {@code durationMinutes} for an acknowledgement before the
 * next one; after the last stage the plan runs again {@code repeat} times. As the API reads and writes it.
 */
public record EscalationPlan(String name, String description, Integer repeat, List<Stage> stages) {

    /** @param acknowledgementStopsPlan an acknowledgement during this stage ends the plan (default true) */
    public record Stage(Integer durationMinutes, Boolean acknowledgementStopsPlan, List<Target> targets) {
    }

    /** Exactly one of a contact id and an on-call schedule id (whoever is on call when the stage starts). */
    public record Target(String contact, String schedule) {
    }
}
