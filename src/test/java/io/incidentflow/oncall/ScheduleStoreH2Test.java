package io.incidentflow.oncall;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;

/** Schedules on H2 2.x in its default mode, as in development. */
class ScheduleStoreH2Test extends ScheduleStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = ScheduleDatabases.h2();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
