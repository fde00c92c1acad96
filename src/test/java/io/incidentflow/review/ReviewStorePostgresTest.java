package io.incidentflow.review;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Review figures and records on a real PostgreSQL 16, as in production. */
class ReviewStorePostgresTest extends ReviewStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("review");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
