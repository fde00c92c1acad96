package io.incidentflow.integration;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Integrations on H2 2.x in its default mode, as in development. */
class IntegrationStoreH2Test extends IntegrationStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("integration");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
