package io.incidentflow.incident;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;

/** The incident record on a real PostgreSQL 16, as in production. */
class IncidentStorePostgresTest extends IncidentStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = TestDatabases.postgres();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
