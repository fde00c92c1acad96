package io.incidentflow.audit;

/** The result of walking the audit chain: intact, or the first entry that was edited or follows a gap. */
public record AuditVerification(boolean intact, int entries, Long firstBrokenEntryId) {
}
