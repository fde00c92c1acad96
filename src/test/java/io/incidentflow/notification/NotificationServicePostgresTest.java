package io.incidentflow.notification;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Notification delivery and its log on a real PostgreSQL 16, as in production. */
class NotificationServicePostgresTest extends NotificationServiceContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("notification");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
