package io.incidentflow.oncall;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.incidentflow.support.EmbeddedPostgresDatabase;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** Fresh databases with every migration applied: H2 2.x as in development, PostgreSQL 16 as in production. */
final class ScheduleDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private ScheduleDatabases() {
    }

    static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:oncall" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return migrated(dataSource);
    }

    static DataSource postgres() {
        String name = "oncall" + COUNTER.incrementAndGet();
        EmbeddedPostgresDatabase.createDatabase(name);
        return migrated(EmbeddedPostgresDatabase.server().getDatabase("postgres", name));
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }
}
