package io.incidentflow.audit;

import java.time.OffsetDateTime;

/** One audit log row. */
record AuditEntry(long id, OffsetDateTime at, String actor, String action, String targetType, String targetId,
        String details, String prevHash, String hash) {
}
