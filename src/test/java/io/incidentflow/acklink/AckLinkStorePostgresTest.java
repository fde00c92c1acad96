package io.incidentflow.acklink;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** The acknowledge links' tables on a real PostgreSQL 16, as in production. */
class AckLinkStorePostgresTest extends AckLinkStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("acklink");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
