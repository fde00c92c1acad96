package io.incidentflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.incidentflow.support.EmbeddedPostgresDatabase;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit chain on both databases: intact as written, broken by an edit and by a deletion. */
class AuditLogTest {

    private static int databases;

    static Stream<String> databases() {
        return Stream.of("h2", "postgres");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void chainWrittenByTheAppIsIntact(String database) {
        Fixture audit = fixture(database);
        audit.recordThree();

        AuditVerification verification = audit.log.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void editedEntryIsFound(String database) {
        Fixture audit = fixture(database);
        audit.recordThree();
        long second = audit.ids()[1];

        audit.jdbc.sql("UPDATE audit_log SET actor = 'mallory' WHERE id = :id").param("id", second).update();

        assertThat(audit.log.verify()).extracting(AuditVerification::intact, AuditVerification::firstBrokenEntryId)
                .containsExactly(false, second);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deletedEntryIsFound(String database) {
        Fixture audit = fixture(database);
        audit.recordThree();
        long[] ids = audit.ids();

        audit.jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", ids[1]).update();

        assertThat(audit.log.verify()).extracting(AuditVerification::intact, AuditVerification::firstBrokenEntryId)
                .containsExactly(false, ids[2]);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void entriesOfAPeriodAreListedOldestFirst(String database) {
        Fixture audit = fixture(database);
        audit.recordThree();
        long[] ids = audit.ids();
        OffsetDateTime second = audit.jdbc.sql("SELECT at FROM audit_log WHERE id = :id")
                .param("id", ids[1]).query(OffsetDateTime.class).single();

        assertThat(audit.log.list(null, null, 10)).extracting(AuditEntry::id).containsExactly(ids[0], ids[1], ids[2]);
        assertThat(audit.log.list(second, null, 10)).extracting(AuditEntry::id).containsExactly(ids[1], ids[2]);
        assertThat(audit.log.list(null, second, 10)).extracting(AuditEntry::id).containsExactly(ids[0]);
        assertThat(audit.log.list(null, null, 2)).extracting(AuditEntry::action).containsExactly("create", "rotate-key");
    }

    private static Fixture fixture(String database) {
        String name = "audit" + (++databases);
        DataSource dataSource = "h2".equals(database)
                ? h2(name)
                : new SingleConnectionDataSource(EmbeddedPostgresDatabase.createDatabase(name), "postgres", "postgres", true);
        // Our migrations need the table of the start-up lock only; the engine's tables don't matter here.
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new Fixture(jdbc, new AuditLog(jdbc, new ObjectMapper()),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static DataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private record Fixture(JdbcClient jdbc, AuditLog log, TransactionTemplate transaction) {

        void recordThree() {
            for (String action : new String[] {"create", "rotate-key", "disable"}) {
                transaction.executeWithoutResult(status -> log.record("admin", action, "integration", "7",
                        Map.of("name", "プロメテウス")));
            }
        }

        long[] ids() {
            return jdbc.sql("SELECT id FROM audit_log ORDER BY id").query(Long.class).list().stream()
                    .mapToLong(Long::longValue).toArray();
        }
    }
}
