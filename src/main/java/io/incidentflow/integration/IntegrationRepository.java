package io.incidentflow.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of integrations, for H2 and PostgreSQL alike. Keys appear here only as their hash. */
@Repository
class IntegrationRepository {

    private static final String COLUMNS = """
            id, name, type, enabled, category, service, default_impact, urgency, resolver_group,
            per_alert, auto_resolve, dedup_template, response_plan""";

    private final JdbcClient jdbc;

    IntegrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, IntegrationType type, boolean enabled, IntegrationDefaults defaults, String keyHash,
            String keyHint, String actor, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO integration (name, type, key_hash, key_hint, enabled, category, service, default_impact,
                                         urgency, resolver_group, per_alert, auto_resolve, dedup_template,
                                         response_plan, created_at, created_by, updated_at, updated_by)
                VALUES (:name, :type, :keyHash, :keyHint, :enabled, :category, :service, :defaultImpact, :urgency,
                        :resolverGroup, :perAlert, :autoResolve, :dedupTemplate, :responsePlan, :now, :actor, :now,
                        :actor)""")
                .paramSource(params(defaults)
                        .addValue("name", name)
                        .addValue("type", type.name())
                        .addValue("enabled", enabled)
                        .addValue("keyHash", keyHash)
                        .addValue("keyHint", keyHint)
                        .addValue("now", now)
                        .addValue("actor", actor))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    int updateDefaults(long id, IntegrationDefaults defaults, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE integration
                   SET category = :category, service = :service, default_impact = :defaultImpact, urgency = :urgency,
                       resolver_group = :resolverGroup, per_alert = :perAlert, auto_resolve = :autoResolve,
                       dedup_template = :dedupTemplate, response_plan = :responsePlan, updated_at = :now,
                       updated_by = :actor
                 WHERE id = :id""")
                .paramSource(params(defaults)
                        .addValue("now", now)
                        .addValue("actor", actor)
                        .addValue("id", id))
                .update();
    }

    /** Configuration owns a seeded integration: type, state, key and defaults all follow it. */
    int updateSeeded(long id, IntegrationType type, boolean enabled, IntegrationDefaults defaults, String keyHash,
            String keyHint, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE integration
                   SET type = :type, enabled = :enabled, key_hash = :keyHash, key_hint = :keyHint,
                       category = :category, service = :service, default_impact = :defaultImpact, urgency = :urgency,
                       resolver_group = :resolverGroup, per_alert = :perAlert, auto_resolve = :autoResolve,
                       dedup_template = :dedupTemplate, response_plan = :responsePlan, updated_at = :now,
                       updated_by = :actor
                 WHERE id = :id""")
                .paramSource(params(defaults)
                        .addValue("type", type.name())
                        .addValue("enabled", enabled)
                        .addValue("keyHash", keyHash)
                        .addValue("keyHint", keyHint)
                        .addValue("now", now)
                        .addValue("actor", actor)
                        .addValue("id", id))
                .update();
    }

    int replaceKey(long id, String keyHash, String keyHint, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE integration SET key_hash = :keyHash, key_hint = :keyHint, updated_at = :now, updated_by = :actor
                 WHERE id = :id""")
                .param("keyHash", keyHash)
                .param("keyHint", keyHint)
                .param("now", now)
                .param("actor", actor)
                .param("id", id)
                .update();
    }

    int setEnabled(long id, boolean enabled, String actor, OffsetDateTime now) {
        return jdbc.sql("UPDATE integration SET enabled = :enabled, updated_at = :now, updated_by = :actor WHERE id = :id")
                .param("enabled", enabled)
                .param("now", now)
                .param("actor", actor)
                .param("id", id)
                .update();
    }

    Optional<Integration> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM integration WHERE id = :id").param("id", id)
                .query(IntegrationRepository::map).optional();
    }

    /** Reads the integration and holds its row until the transaction ends: changes apply one after another. */
    Optional<Integration> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM integration WHERE id = :id FOR UPDATE").param("id", id)
                .query(IntegrationRepository::map).optional();
    }

    Optional<Integration> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM integration WHERE name = :name").param("name", name)
                .query(IntegrationRepository::map).optional();
    }

    /**
     * The integration as its alerts see it: without a dedup template of its own it de-duplicates by its response
     * plan's. In the same query, because it runs for every alert request.
     */
    Optional<Integration> findByKeyHash(String keyHash) {
        return jdbc.sql("""
                SELECT i.id, i.name, i.type, i.enabled, i.category, i.service, i.default_impact, i.urgency,
                       i.resolver_group, i.per_alert, i.auto_resolve,
                       COALESCE(i.dedup_template, p.dedup_template) AS dedup_template, i.response_plan
                  FROM integration i LEFT JOIN response_plan p ON p.name = i.response_plan
                 WHERE i.key_hash = :keyHash""")
                .param("keyHash", keyHash)
                .query(IntegrationRepository::map).optional();
    }

    String keyHashOf(long id) {
        return jdbc.sql("SELECT key_hash FROM integration WHERE id = :id").param("id", id).query(String.class).single();
    }

    List<Integration> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM integration ORDER BY name").query(IntegrationRepository::map).list();
    }

    private static MapSqlParameterSource params(IntegrationDefaults defaults) {
        return new MapSqlParameterSource()
                .addValue("category", defaults.category())
                .addValue("service", defaults.service())
                .addValue("defaultImpact", defaults.defaultImpact())
                .addValue("urgency", defaults.urgency())
                .addValue("resolverGroup", defaults.resolverGroup())
                .addValue("perAlert", defaults.perAlert())
                .addValue("autoResolve", defaults.autoResolve())
                .addValue("dedupTemplate", defaults.dedupTemplate())
                .addValue("responsePlan", defaults.responsePlan());
    }

    private static Integration map(ResultSet rs, int row) throws SQLException {
        return new Integration(rs.getLong("id"), rs.getString("name"), IntegrationType.valueOf(rs.getString("type")),
                rs.getBoolean("enabled"), rs.getString("category"), rs.getString("service"),
                rs.getObject("default_impact", Integer.class), rs.getObject("urgency", Integer.class),
                rs.getString("resolver_group"), rs.getBoolean("per_alert"), rs.getBoolean("auto_resolve"),
                rs.getString("dedup_template"), rs.getString("response_plan"));
    }
}
