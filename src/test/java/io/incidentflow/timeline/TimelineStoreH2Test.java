package io.incidentflow.timeline;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** The timeline's SQL on H2 2.x in its default mode, as in development. */
class TimelineStoreH2Test extends TimelineStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("timeline");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
