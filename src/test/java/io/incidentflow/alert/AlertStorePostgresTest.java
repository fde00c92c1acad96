package io.incidentflow.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.incidentflow.support.MigratedDatabases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** The intake's SQL on a real PostgreSQL 16, as in production. */
class AlertStorePostgresTest extends AlertStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = MigratedDatabases.postgres("alerts");
    }

    @Test
    void aClosingIncidentWaitsForTheDuplicatesBeingAcceptedBeforeItFreesTheirKey() throws Exception {
        accept(firing("disk-db01", "e1"));
        CountDownLatch groupRead = new CountDownLatch(1);
        CountDownLatch releaseTried = new CountDownLatch(1);
        ExecutorService duplicate = Executors.newSingleThreadExecutor();
        Future<?> accepting = duplicate.submit(() -> transaction.executeWithoutResult(status -> {
            repository.findGroup(integration.id(), "disk-db01");
            groupRead.countDown();
            await(releaseTried);
        }));
        groupRead.await(10, TimeUnit.SECONDS);

        // The release must wait for the duplicate's commit: told not to wait, it fails instead of deleting.
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL lock_timeout = '100ms'").update();
            jdbc.sql("DELETE FROM alert_group WHERE dedup_key = 'disk-db01'").update();
        })).isInstanceOf(DataAccessException.class);
        releaseTried.countDown();
        accepting.get(10, TimeUnit.SECONDS);
        duplicate.shutdown();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_group WHERE dedup_key = 'disk-db01'").query(Long.class).single())
                .isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
