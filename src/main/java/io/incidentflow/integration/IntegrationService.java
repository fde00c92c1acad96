package io.incidentflow.integration;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.incidentflow.AfterCommit;
import io.incidentflow.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Integrations and their keys. Every change is written to the audit log in the same transaction. */
@Service
public class IntegrationService {

    static final String AUDIT_TYPE = "integration";
    /** The actor of changes that configuration made at start-up. */
    static final String CONFIGURATION = "configuration";

    private final IntegrationRepository repository;
    private final AuditLog auditLog;
    private final Clock clock;
    private final KeyCache keyCache = new KeyCache();

    @Autowired
    IntegrationService(IntegrationRepository repository, AuditLog auditLog) {
        this(repository, auditLog, Clock.systemUTC());
    }

    IntegrationService(IntegrationRepository repository, AuditLog auditLog, Clock clock) {
        this.repository = repository;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * The integration a sender's key belongs to, if it is enabled and of the endpoint's type. At most one query, so
     * no transaction: a read-only one costs PostgreSQL four more round trips on every alert.
     */
    public Integration authenticate(String key, IntegrationType expectedType) {
        if (key == null || key.isBlank()) {
            throw new IntegrationKeyException("no integration key: send 'Authorization: Bearer <key>' or ?key=", false);
        }
        Integration integration = keyCache.find(IntegrationKeys.hash(key.strip()), repository::findByKeyHash)
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
        if (repository.findByName(request.name()).isPresent()) {
            throw new IntegrationNameTakenException(request.name());
        }
        String key = IntegrationKeys.generate();
        long id;
        try {
            id = repository.insert(request.name(), request.type(), true, request.defaults(), IntegrationKeys.hash(key),
                    IntegrationKeys.hint(key), actor, now());
        } catch (DuplicateKeyException concurrentCreate) {
            throw new IntegrationNameTakenException(request.name());
        } catch (DataIntegrityViolationException unknownPlan) {
            throw noSuchResponsePlan(request.defaults());
        }
        Integration created = get(id);
        auditLog.record(actor, "create", AUDIT_TYPE, String.valueOf(id), snapshot(created));
        return new CreatedIntegration(created, key);
    }

    /** Applies {@code change} to the stored defaults; audits each field that really changed, from and to. */
    @Transactional
    Integration changeDefaults(long id, UnaryOperator<IntegrationDefaults> change, String actor) {
        Integration before = repository.lock(id).orElseThrow(() -> new IntegrationNotFoundException(id));
        IntegrationDefaults current = IntegrationDefaults.of(before);
        IntegrationDefaults changed = change.apply(current);
        Map<String, Object> changes = current.changesTo(changed);
        if (changes.isEmpty()) {
            return before;
        }
        try {
            repository.updateDefaults(id, changed, actor, now());
        } catch (DataIntegrityViolationException unknownPlan) {
            throw noSuchResponsePlan(changed);
        }
        forgetKeysAfterCommit();
        auditLog.record(actor, "update", AUDIT_TYPE, String.valueOf(id),
                Map.of("name", before.name(), "changes", changes));
        return get(id);
    }

    @Transactional
    CreatedIntegration rotateKey(long id, String actor) {
        String key = IntegrationKeys.generate();
        requireRow(id, repository.replaceKey(id, IntegrationKeys.hash(key), IntegrationKeys.hint(key), actor, now()));
        forgetKeysAfterCommit();
        Integration rotated = get(id);
        auditLog.record(actor, "rotate-key", AUDIT_TYPE, String.valueOf(id), Map.of("name", rotated.name()));
        return new CreatedIntegration(rotated, key);
    }

    @Transactional
    Integration setEnabled(long id, boolean enabled, String actor) {
        Integration before = repository.lock(id).orElseThrow(() -> new IntegrationNotFoundException(id));
        if (before.enabled() == enabled) {
            return before;
        }
        repository.setEnabled(id, enabled, actor, now());
        forgetKeysAfterCommit();
        auditLog.record(actor, enabled ? "enable" : "disable", AUDIT_TYPE, String.valueOf(id),
                Map.of("name", before.name()));
        return get(id);
    }

    /**
     * Creates the configured integration, or brings the stored one of that name in line with its settings.
     * An unchanged integration is left alone, so that restarting a node adds nothing to the audit log.
     * Runs under the start-up lock, so identical nodes starting together do not both create it.
     */
    @Transactional
    void seed(IntegrationSettings.Seed seed) {
        String keyHash = IntegrationKeys.hash(seed.key());
        repository.findByKeyHash(keyHash).filter(owner -> !owner.name().equals(seed.name())).ifPresent(owner -> {
            throw new IllegalStateException("the key configured for integration '" + seed.name()
                    + "' (incidentflow.integrations) is already the key of integration '" + owner.name() + "'");
        });
        Optional<Integration> stored = repository.findByName(seed.name());
        if (stored.isEmpty()) {
            long id = repository.insert(seed.name(), seed.type(), seed.enabled(), seed.defaults(), keyHash,
                    IntegrationKeys.hint(seed.key()), CONFIGURATION, now());
            auditLog.record(CONFIGURATION, "create", AUDIT_TYPE, String.valueOf(id), snapshot(get(id)));
            return;
        }
        Integration before = stored.get();
        Map<String, Object> changes = new LinkedHashMap<>();
        IntegrationDefaults.change(changes, "type", before.type().name(), seed.type().name());
        IntegrationDefaults.change(changes, "enabled", before.enabled(), seed.enabled());
        changes.putAll(IntegrationDefaults.of(before).changesTo(seed.defaults()));
        if (!keyHash.equals(repository.keyHashOf(before.id()))) {
            // Never the key nor its hash: the log says that it changed, not to what.
            changes.put("key", "replaced");
        }
        if (changes.isEmpty()) {
            return;
        }
        repository.updateSeeded(before.id(), seed.type(), seed.enabled(), seed.defaults(), keyHash,
                IntegrationKeys.hint(seed.key()), CONFIGURATION, now());
        forgetKeysAfterCommit();
        auditLog.record(CONFIGURATION, "update", AUDIT_TYPE, String.valueOf(before.id()),
                Map.of("name", before.name(), "changes", changes));
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

    /** Cleared once the change is visible: cleared before, a request in between could cache the old row again. */
    private void forgetKeysAfterCommit() {
        AfterCommit.run(keyCache::clear);
    }

    /** The only reference an integration's row holds (a foreign key since V10): its response plan. */
    private static IntegrationValidationException noSuchResponsePlan(IntegrationDefaults defaults) {
        return new IntegrationValidationException(List.of(new IntegrationValidationException.FieldError(
                "responsePlan", "there is no response plan " + defaults.responsePlan())));
    }

    private Integration get(long id) {
        return repository.findById(id).orElseThrow(() -> new IntegrationNotFoundException(id));
    }

    private static void requireRow(long id, int rows) {
        if (rows == 0) {
            throw new IntegrationNotFoundException(id);
        }
    }

    /** What a new integration looked like, for the audit log (never the key). */
    private static Map<String, Object> snapshot(Integration integration) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", integration.name());
        snapshot.put("type", integration.type().name());
        snapshot.put("enabled", integration.enabled());
        snapshot.putAll(IntegrationDefaults.of(integration).asMap());
        return snapshot;
    }

    /** Microseconds: what both databases store, so a value read back equals the value written. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** The key is in the answer once, when it is created or rotated; it cannot be read again. */
    record CreatedIntegration(Integration integration, String key) {
    }
}
