package io.incidentflow.support;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh databases with every migration applied, on the two engines the migrations must run on unchanged: H2 2.x
 * (default mode) as in development and PostgreSQL 16 as in production.
 */
public final class MigratedDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private MigratedDatabases() {
    }

    public static DataSource h2(String prefix) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + prefix + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return migrated(dataSource);
    }

    public static DataSource postgres(String prefix) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(EmbeddedPostgresDatabase.createDatabase(prefix + COUNTER.incrementAndGet()));
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return migrated(dataSource);
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }
}
