package io.incidentflow.engagement;

/** No escalation or response plan of that name. */
class PlanNotFoundException extends RuntimeException {

    PlanNotFoundException(String kind, String name) {
        super("There is no " + kind + " " + name + ".");
    }
}
