package io.incidentflow.engagement;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Plans and engagements on H2 2.x in its default mode, as in development. */
class EngagementStoreH2Test extends EngagementStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("engagement");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
