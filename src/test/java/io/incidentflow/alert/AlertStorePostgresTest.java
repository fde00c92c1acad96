package io.incidentflow.alert;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** The intake's SQL on a real PostgreSQL 16, as in production. */
class AlertStorePostgresTest extends AlertStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("alerts");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
