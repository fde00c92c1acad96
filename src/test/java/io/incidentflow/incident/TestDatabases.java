package io.incidentflow.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The two databases the migration must run on unchanged: H2 2.x (default mode) as in development and a
 * real PostgreSQL 16 as in production. Each call gives a fresh, migrated database.
 */
final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:incident" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return migrated(dataSource);
    }

    static DataSource postgres() {
        String name = "incident" + COUNTER.incrementAndGet();
        try (Connection connection = PostgresHolder.SERVER.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return migrated(PostgresHolder.SERVER.getDatabase("postgres", name));
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /** Starting PostgreSQL takes seconds: once per JVM, on first use, stopped when the JVM ends. */
    private static final class PostgresHolder {

        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is ending; the data directory is temporary anyway
                    }
                }));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
