package io.incidentflow.review;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Review figures and records on H2 2.x in its default mode, as in development. */
class ReviewStoreH2Test extends ReviewStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("review");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
