package io.incidentflow.alert;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** The intake's SQL on H2 2.x in its default mode, as in development. */
class AlertStoreH2Test extends AlertStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("alerts");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
