package io.incidentflow.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.audit.AuditLog;
import io.incidentflow.audit.AuditLogs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Integrations, their keys and their audit trail on a real database: the SQL of the repository and the
 * service's rules, run unchanged against H2 and PostgreSQL (see the subclasses).
 */
abstract class IntegrationStoreContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    abstract DataSource dataSource();

    JdbcClient jdbc;
    TransactionTemplate transaction;
    AuditLog auditLog;
    IntegrationService service;

    @BeforeEach
    void cleanDatabaseAndWireService() {
        jdbc = JdbcClient.create(dataSource());
        for (String table : List.of("alert", "alert_group", "audit_log", "integration")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        auditLog = AuditLogs.create(jdbc);
        service = new IntegrationService(new IntegrationRepository(jdbc), auditLog, Clock.systemUTC());
    }

    // --- create and keys ---------------------------------------------------------------------------------

    @Test
    void creatingAnswersTheKeyOnceAndStoresOnlyItsHashAndHint() {
        IntegrationService.CreatedIntegration created = create("prometheus", IntegrationType.ALERTMANAGER);

        assertThat(created.key()).matches("[A-Za-z0-9_-]{32}");
        assertThat(jdbc.sql("SELECT key_hash FROM integration").query(String.class).single())
                .isEqualTo(IntegrationKeys.hash(created.key())).hasSize(64);
        assertThat(jdbc.sql("SELECT key_hint FROM integration").query(String.class).single())
                .isEqualTo(created.key().substring(0, 4));
        assertThat(created.integration().name()).isEqualTo("prometheus");
        assertThat(created.integration().enabled()).isTrue();
        assertThat(created.integration().service()).isEqualTo("web-shop");
        assertThat(service.find(created.integration().id())).contains(created.integration());
        assertThat(tx(service::list)).containsExactly(created.integration());
        assertThat(auditDetails(created.integration().id()).get(0).path("service").asText()).isEqualTo("web-shop");
    }

    @Test
    void alertsOfAnIntegrationWithoutDedupTemplateAreDeduplicatedByItsResponsePlans() {
        jdbc.sql("DELETE FROM response_plan WHERE name = 'disk-full'").update();
        jdbc.sql("""
                INSERT INTO response_plan (name, dedup_template, created_at, updated_at)
                VALUES ('disk-full', '{{labels.instance}}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").update();
        IntegrationService.CreatedIntegration own = tx(() -> service.create(new IntegrationRequest("own-template",
                IntegrationType.ALERTMANAGER, null, null, null, null, null, false, false, "{{labels.job}}",
                "disk-full"), "admin"));
        IntegrationService.CreatedIntegration planned = tx(() -> service.create(new IntegrationRequest("plan-template",
                IntegrationType.ALERTMANAGER, null, null, null, null, null, false, false, null, "disk-full"), "admin"));

        assertThat(service.authenticate(own.key(), IntegrationType.ALERTMANAGER).dedupTemplate())
                .isEqualTo("{{labels.job}}");
        assertThat(service.authenticate(planned.key(), IntegrationType.ALERTMANAGER).dedupTemplate())
                .isEqualTo("{{labels.instance}}");
        assertThat(service.find(planned.integration().id()).orElseThrow().dedupTemplate())
                .as("the integration's own settings stay as they were set").isNull();
    }

    @Test
    void everyKeyIsDifferent() {
        String first = create("one", IntegrationType.GENERIC).key();
        String second = create("two", IntegrationType.GENERIC).key();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theKeyAuthenticatesItsIntegrationOnItsOwnEndpointOnly() {
        IntegrationService.CreatedIntegration created = create("zabbix", IntegrationType.ZABBIX);

        assertThat(service.authenticate(created.key(), IntegrationType.ZABBIX)).isEqualTo(created.integration());
        assertThat(service.authenticate(" " + created.key() + " ", IntegrationType.ZABBIX).name()).isEqualTo("zabbix");
        assertThatThrownBy(() -> service.authenticate(created.key(), IntegrationType.GENERIC))
                .isInstanceOfSatisfying(IntegrationKeyException.class, e -> assertThat(e.known()).isTrue())
                .hasMessageContaining("ZABBIX");
    }

    @Test
    void anUnknownOrMissingKeyIsNotKnownAndADisabledOneIsKnownButRefused() {
        IntegrationService.CreatedIntegration created = create("grafana", IntegrationType.GRAFANA);
        tx(() -> service.setEnabled(created.integration().id(), false, "admin"));

        assertThatThrownBy(() -> service.authenticate("x".repeat(32), IntegrationType.GRAFANA))
                .isInstanceOfSatisfying(IntegrationKeyException.class, e -> assertThat(e.known()).isFalse());
        assertThatThrownBy(() -> service.authenticate(" ", IntegrationType.GRAFANA))
                .isInstanceOfSatisfying(IntegrationKeyException.class, e -> assertThat(e.known()).isFalse());
        assertThatThrownBy(() -> service.authenticate(created.key(), IntegrationType.GRAFANA))
                .isInstanceOfSatisfying(IntegrationKeyException.class, e -> assertThat(e.known()).isTrue())
                .hasMessageContaining("disabled");
    }

    @Test
    void enablingAgainLetsTheKeyIn() {
        IntegrationService.CreatedIntegration created = create("sns", IntegrationType.SNS);
        long id = created.integration().id();
        tx(() -> service.setEnabled(id, false, "admin"));

        tx(() -> service.setEnabled(id, true, "admin"));

        assertThat(service.authenticate(created.key(), IntegrationType.SNS).enabled()).isTrue();
        assertThat(auditActions(id)).containsExactly("create", "disable", "enable");
    }

    @Test
    void rotatingGivesANewKeyAndTheOldOneStopsWorking() {
        IntegrationService.CreatedIntegration created = create("events", IntegrationType.EVENTS_V2);

        IntegrationService.CreatedIntegration rotated = tx(() -> service.rotateKey(created.integration().id(), "admin"));

        assertThat(rotated.key()).isNotEqualTo(created.key()).hasSize(32);
        assertThat(service.authenticate(rotated.key(), IntegrationType.EVENTS_V2).id())
                .isEqualTo(created.integration().id());
        assertThatThrownBy(() -> service.authenticate(created.key(), IntegrationType.EVENTS_V2))
                .isInstanceOfSatisfying(IntegrationKeyException.class, e -> assertThat(e.known()).isFalse());
        assertThat(auditDetails(created.integration().id()).toString()).doesNotContain(rotated.key(), created.key());
    }

    @Test
    void aSecondIntegrationOfTheSameNameIsRefusedAndNothingIsAudited() {
        create("prometheus", IntegrationType.ALERTMANAGER);

        assertThatThrownBy(() -> create("prometheus", IntegrationType.GENERIC))
                .isInstanceOf(IntegrationNameTakenException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM integration").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unknownIdsAreNotFound() {
        assertThatThrownBy(() -> tx(() -> service.rotateKey(404, "admin"))).isInstanceOf(IntegrationNotFoundException.class);
        assertThatThrownBy(() -> tx(() -> service.setEnabled(404, false, "admin")))
                .isInstanceOf(IntegrationNotFoundException.class);
        assertThatThrownBy(() -> tx(() -> service.changeDefaults(404, d -> d, "admin")))
                .isInstanceOf(IntegrationNotFoundException.class);
    }

    // --- defaults ---------------------------------------------------------------------------------------

    @Test
    void changingDefaultsAuditsEachChangedFieldFromAndTo() {
        long id = create("prometheus", IntegrationType.ALERTMANAGER).integration().id();

        Integration changed = tx(() -> service.changeDefaults(id, d -> new IntegrationDefaults("database",
                d.service(), 2, d.urgency(), "database", d.perAlert(), true, d.dedupTemplate(), null), "alice"));

        assertThat(changed.category()).isEqualTo("database");
        assertThat(changed.defaultImpact()).isEqualTo(2);
        assertThat(changed.autoResolve()).isTrue();
        assertThat(changed.service()).as("unchanged").isEqualTo("web-shop");
        JsonNode update = auditDetails(id).get(1);
        assertThat(update.path("name").asText()).isEqualTo("prometheus");
        assertThat(update.path("changes").path("category").path("from").asText()).isEqualTo("server");
        assertThat(update.path("changes").path("category").path("to").asText()).isEqualTo("database");
        assertThat(update.path("changes").path("defaultImpact").path("to").asInt()).isEqualTo(2);
        assertThat(update.path("changes").has("service")).isFalse();
        assertThat(jdbc.sql("SELECT actor FROM audit_log ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query(String.class).single()).isEqualTo("alice");
        assertThat(jdbc.sql("SELECT updated_by FROM integration").query(String.class).single()).isEqualTo("alice");
    }

    @Test
    void aChangeThatChangesNothingIsNotAudited() {
        long id = create("prometheus", IntegrationType.ALERTMANAGER).integration().id();

        tx(() -> service.changeDefaults(id, d -> d, "alice"));
        tx(() -> service.setEnabled(id, true, "alice"));

        assertThat(auditActions(id)).containsExactly("create");
    }

    // --- configuration --------------------------------------------------------------------------------

    @Test
    void aConfiguredIntegrationIsCreatedWithItsConfiguredKey() {
        inTx(() -> service.seed(seed("alertmanager-prod", "k".repeat(24), "server")));

        Integration seeded = service.authenticate("k".repeat(24), IntegrationType.ALERTMANAGER);
        assertThat(seeded.name()).isEqualTo("alertmanager-prod");
        assertThat(seeded.category()).isEqualTo("server");
        assertThat(jdbc.sql("SELECT created_by FROM integration").query(String.class).single()).isEqualTo("configuration");
        assertThat(auditActions(seeded.id())).containsExactly("create");
    }

    @Test
    void restartingWithTheSameConfigurationChangesAndAuditsNothing() {
        inTx(() -> service.seed(seed("alertmanager-prod", "k".repeat(24), "server")));

        inTx(() -> service.seed(seed("alertmanager-prod", "k".repeat(24), "server")));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aChangedConfigurationUpdatesTheIntegrationOfThatNameAndReplacesItsKey() {
        inTx(() -> service.seed(seed("alertmanager-prod", "k".repeat(24), "server")));
        long id = service.findByName("alertmanager-prod").orElseThrow().id();

        inTx(() -> service.seed(seed("alertmanager-prod", "n".repeat(30), "network")));

        assertThat(service.authenticate("n".repeat(30), IntegrationType.ALERTMANAGER).id()).isEqualTo(id);
        assertThatThrownBy(() -> service.authenticate("k".repeat(24), IntegrationType.ALERTMANAGER))
                .isInstanceOf(IntegrationKeyException.class);
        JsonNode update = auditDetails(id).get(1);
        assertThat(update.path("changes").path("category").path("to").asText()).isEqualTo("network");
        assertThat(update.path("changes").path("key").asText()).isEqualTo("replaced");
        assertThat(update.toString()).doesNotContain("nnnnnnnn", IntegrationKeys.hash("n".repeat(30)));
    }

    @Test
    void aConfiguredKeyThatAnotherIntegrationUsesStopsTheStart() {
        String key = create("by-hand", IntegrationType.GENERIC).key();

        assertThatThrownBy(() -> inTx(() -> service.seed(seed("configured", key, "server"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("by-hand").hasMessageNotContaining(key);
        assertThat(service.findByName("configured")).isEmpty();
    }

    @Test
    void everyChangeAboveLeavesAnIntactAuditChain() {
        long id = create("prometheus", IntegrationType.ALERTMANAGER).integration().id();
        tx(() -> service.rotateKey(id, "admin"));
        tx(() -> service.setEnabled(id, false, "admin"));
        tx(() -> service.changeDefaults(id, d -> new IntegrationDefaults(null, null, null, 1, null, true, false,
                "{{labels.alertname}}", null), "admin"));
        inTx(() -> service.seed(seed("configured", "c".repeat(24), "server")));

        assertThat(auditActions(id)).containsExactly("create", "rotate-key", "disable", "update");
        assertThat(auditLog.verify().intact()).isTrue();
        assertThat(auditLog.verify().entries()).isEqualTo(5);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private IntegrationService.CreatedIntegration create(String name, IntegrationType type) {
        return tx(() -> service.create(new IntegrationRequest(name, type, "server", "web-shop", 3, 2, null, false,
                false, null, null), "admin"));
    }

    private static IntegrationSettings.Seed seed(String name, String key, String category) {
        return new IntegrationSettings.Seed(name, IntegrationType.ALERTMANAGER, key, true, category, "web-shop", 3, 2,
                null, false, true, null, null);
    }

    private <T> T tx(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    private void inTx(Runnable work) {
        transaction.executeWithoutResult(status -> work.run());
    }

    private List<String> auditActions(long id) {
        return jdbc.sql("SELECT action FROM audit_log WHERE target_type = 'integration' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list();
    }

    private List<JsonNode> auditDetails(long id) {
        return jdbc.sql("SELECT details FROM audit_log WHERE target_type = 'integration' AND target_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list().stream()
                .map(IntegrationStoreContract::readJson)
                .toList();
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
