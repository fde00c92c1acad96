package io.incidentflow.report;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** The reports' SQL on H2 2.x in its default mode, as in development. */
class ReportQueriesH2Test extends ReportQueriesContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("report");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
