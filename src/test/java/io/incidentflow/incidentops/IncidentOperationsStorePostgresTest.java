package io.incidentflow.incidentops;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Merge, split, links and comments on a real PostgreSQL 16, as in production. */
class IncidentOperationsStorePostgresTest extends IncidentOperationsStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("incidentops");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
