package io.incidentflow.contact;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place where contact changes are audited. {@code io.incidentflow.audit.AuditLog} lives on another branch:
 * after the merge, this method must call {@code auditLog.record(actor, action, "contact", contactId, details)}
 * (it runs in the change's transaction, as AuditLog requires). Until then the change is only logged.
 */
@Component
class ContactAudit {

    private static final Logger log = LoggerFactory.getLogger(ContactAudit.class);

    /** {@code details} never hold secrets: no activation codes, webhook URLs only masked. */
    void record(String actor, String action, String contactId, Map<String, ?> details) {
        log.info("audit: {} {} contact {} {}", actor, action, contactId, details);
    }
}
