package io.incidentflow.contact;

import java.util.Map;

import io.incidentflow.audit.AuditLog;

import org.springframework.stereotype.Component;

/** The one place where contact changes reach the audit log, inside the change's transaction. */
@Component
class ContactAudit {

    private static final String TARGET_TYPE = "contact";

    private final AuditLog auditLog;

    ContactAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** {@code details} never hold secrets: no activation codes, webhook URLs only masked. */
    void record(String actor, String action, String contactId, Map<String, ?> details) {
        auditLog.record(actor, action, TARGET_TYPE, contactId, details);
    }
}
