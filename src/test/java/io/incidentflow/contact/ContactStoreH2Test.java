package io.incidentflow.contact;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;

/** Contacts on H2 2.x in its default mode, as in development. */
class ContactStoreH2Test extends ContactStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.h2("contact");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
