package io.incidentflow.audit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log for plain JDBC tests of other features, which must see their changes audited. */
public final class AuditLogs {

    private AuditLogs() {
    }

    public static AuditLog create(JdbcClient jdbc) {
        return new AuditLog(jdbc, new ObjectMapper());
    }
}
