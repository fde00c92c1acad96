package io.incidentflow.engagement;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Plans and engagements on a real PostgreSQL 16, as in production. */
class EngagementStorePostgresTest extends EngagementStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("engagement");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
