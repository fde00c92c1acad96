package io.incidentflow.acklink;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** The acknowledge links' tables on H2 2.x in its default mode, as in development. */
class AckLinkStoreH2Test extends AckLinkStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("acklink");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
