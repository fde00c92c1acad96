package io.incidentflow.incident;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;

/** The incident record on H2 2.x in its default mode, as in development. */
class IncidentStoreH2Test extends IncidentStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = TestDatabases.h2();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
