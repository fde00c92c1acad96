package io.incidentflow.contact;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Contacts on a real PostgreSQL 16, as in production. */
class ContactStorePostgresTest extends ContactStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("contact");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
