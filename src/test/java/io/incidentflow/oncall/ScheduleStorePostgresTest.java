package io.incidentflow.oncall;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;

/** Schedules on a real PostgreSQL 16, as in production. */
class ScheduleStorePostgresTest extends ScheduleStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = ScheduleDatabases.postgres();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
