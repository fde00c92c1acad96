package io.incidentflow.oncall;

import java.util.Map;

import io.incidentflow.audit.AuditLog;

import org.springframework.stereotype.Component;

/**
 * The single place where a change to a schedule leaves the on-call feature: who changed what, for the audit
 * trail. Called inside the change's transaction, so that an audit entry that cannot be written undoes the change.
 */
@Component
class ScheduleChanges {

    static final String TARGET_TYPE = "schedule";
    static final String CREATED = "schedule.created";
    static final String REPLACED = "schedule.replaced";
    static final String DELETED = "schedule.deleted";
    static final String OVERRIDE_ADDED = "schedule.override-added";
    static final String OVERRIDE_REMOVED = "schedule.override-removed";

    private final AuditLog auditLog;

    ScheduleChanges(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void record(String actor, String action, String scheduleId, Map<String, Object> details) {
        auditLog.record(actor, action, TARGET_TYPE, scheduleId, details);
    }
}
