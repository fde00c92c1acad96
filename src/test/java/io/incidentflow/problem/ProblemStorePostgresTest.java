package io.incidentflow.problem;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Problem records on a real PostgreSQL 16, as in production. */
class ProblemStorePostgresTest extends ProblemStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("problem");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
