package io.incidentflow.identity;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates what must exist before anyone can log in. Runs before the web server accepts requests, so
 * the Admin webapp's "create the first administrator" page is never open to the network, and in one
 * transaction holding a row lock, so identical nodes starting together do not create things twice.
 */
@Component
class StartupSeeding implements SmartInitializingSingleton {

    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final List<Seeder> seeders;

    StartupSeeding(TransactionTemplate transaction, JdbcClient jdbc, List<Seeder> seeders) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.seeders = seeders;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT name FROM startup_lock WHERE name = 'seed' FOR UPDATE").query().singleValue();
            seeders.forEach(Seeder::seed);
        });
    }
}
