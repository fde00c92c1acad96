package io.incidentflow.engagement;

import java.util.Map;

import io.incidentflow.audit.AuditLog;

import org.springframework.stereotype.Component;

/** The one place where plan changes reach the audit log, inside the change's transaction. */
@Component
class EngagementAudit {

    /** The actor of changes that configuration made at start-up. */
    static final String CONFIGURATION = "configuration";

    private final AuditLog auditLog;

    EngagementAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** {@code details} never hold webhook URLs unmasked. */
    void record(String actor, String action, String targetType, String name, Map<String, ?> details) {
        auditLog.record(actor, action, targetType, name, details);
    }
}
