package io.incidentflow.integration;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Integrations on a real PostgreSQL 16, as in production. */
class IntegrationStorePostgresTest extends IntegrationStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("integration");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
