package io.incidentflow.problem;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Problem records on H2 2.x in its default mode, as in development. */
class ProblemStoreH2Test extends ProblemStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("problem");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
