package io.incidentflow.identity;

import java.util.List;

/** The groups that every installation has; resolver groups come from configuration. */
public final class Groups {

    public static final String SERVICE_DESK = "service-desk";
    public static final String INCIDENT_MANAGERS = "incident-managers";
    public static final String ANALYSTS = "analysts";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "admins";
    /** Only scrapes /actuator/prometheus: a Prometheus server needs no admin's password. */
    public static final String MONITORING = "monitoring";
    /** Camunda's built-in administrators group; the Admin webapp offers its set-up page while it is empty. */
    static final String CAMUNDA_ADMIN = "camunda-admin";

    static final List<String> FIXED = List.of(SERVICE_DESK, INCIDENT_MANAGERS, ANALYSTS, AUDITORS, ADMINS,
            MONITORING);

    private Groups() {
    }
}
