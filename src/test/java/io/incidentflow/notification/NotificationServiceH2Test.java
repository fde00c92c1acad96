package io.incidentflow.notification;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Notification delivery and its log on H2 2.x in its default mode, as in development. */
class NotificationServiceH2Test extends NotificationServiceContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("notification");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
