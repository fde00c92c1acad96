package io.incidentflow.timeline;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** The timeline's SQL on a real PostgreSQL 16, as in production. */
class TimelineStorePostgresTest extends TimelineStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("timeline");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
