package io.incidentflow.report;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** The reports' SQL on a real PostgreSQL 16, as in production. */
class ReportQueriesPostgresTest extends ReportQueriesContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("report");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
