package io.incidentflow.incidentops;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Merge, split, links and comments on H2 2.x in its default mode, as in development. */
class IncidentOperationsStoreH2Test extends IncidentOperationsStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("incidentops");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
