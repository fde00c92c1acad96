package io.incidentflow.integration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.incidentflow.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Integrations and their keys. Every change is written to the audit log in the same transaction. */
@Service
public class IntegrationService {

    private static final String AUDIT_TYPE = "integration";

    private final IntegrationRepository repository;
    private final AuditLog auditLog;
    private final Clock clock = Clock.systemUTC();

    IntegrationService(IntegrationRepository repository, AuditLog auditLog) {
        this.repository = repository;
        this.auditLog = auditLog;
    }

    /** The integration a sender's key belongs to, if it is enabled and of the endpoint's type. */
    @Transactional(readOnly = true)
    public Integration authenticate(String key, IntegrationType expectedType) {
        if (key == null || key.isBlank()) {
            throw new IntegrationKeyException("no integration key: send 'Authorization: Bearer <key>' or ?key=", false);
        }
        Integration integration = repository.findByKeyHash(IntegrationKeys.hash(key.strip()))
                .orElseThrow(() -> new IntegrationKeyException("unknown integration key", false));
        if (!integration.enabled()) {
            throw new IntegrationKeyException("integration '" + integration.name() + "' is disabled", true);
        }
        if (integration.type() != expectedType) {
            throw new IntegrationKeyException("integration '" + integration.name() + "' sends " + integration.type()
                    + ", not " + expectedType, true);
        }
        return integration;
    }

    @Transactional
    CreatedIntegration create(IntegrationRequest request, String actor) {
        String key = IntegrationKeys.generate();
        long id = repository.insert(request, IntegrationKeys.hash(key), IntegrationKeys.hint(key), actor, now());
        auditLog.record(actor, "create", AUDIT_TYPE, String.valueOf(id), Map.of("name", request.name(),
                "type", request.type().name()));
        return new CreatedIntegration(get(id), key);
    }

    @Transactional
    Integration update(long id, IntegrationRequest request, String actor) {
        requireRow(id, repository.update(id, request, actor, now()));
        auditLog.record(actor, "update", AUDIT_TYPE, String.valueOf(id), Map.of("name", request.name()));
        return get(id);
    }

    @Transactional
    CreatedIntegration rotateKey(long id, String actor) {
        String key = IntegrationKeys.generate();
        requireRow(id, repository.replaceKey(id, IntegrationKeys.hash(key), IntegrationKeys.hint(key), actor, now()));
        auditLog.record(actor, "rotate-key", AUDIT_TYPE, String.valueOf(id), Map.of());
        return new CreatedIntegration(get(id), key);
    }

    @Transactional
    Integration setEnabled(long id, boolean enabled, String actor) {
        requireRow(id, repository.setEnabled(id, enabled, actor, now()));
        auditLog.record(actor, enabled ? "enable" : "disable", AUDIT_TYPE, String.valueOf(id), Map.of());
        return get(id);
    }

    @Transactional(readOnly = true)
    public Optional<Integration> findByName(String name) {
        return repository.findByName(name);
    }

    @Transactional(readOnly = true)
    public Optional<Integration> find(long id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    List<Integration> list() {
        return repository.findAll();
    }

    private Integration get(long id) {
        return repository.findById(id).orElseThrow(() -> new IntegrationNotFoundException(id));
    }

    private static void requireRow(long id, int rows) {
        if (rows == 0) {
            throw new IntegrationNotFoundException(id);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The key is in the answer once, when it is created or rotated; it cannot be read again. */
    record CreatedIntegration(Integration integration, String key) {
    }
}
