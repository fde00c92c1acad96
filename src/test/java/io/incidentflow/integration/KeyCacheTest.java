package io.incidentflow.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class KeyCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final KeyCache cache = new KeyCache(now::get);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aKeyFoundWithinTheLastSecondIsNotLookedUpAgain() {
        cache.find("hash", stored(integration(true)));
        now.addAndGet(KeyCache.TTL.toNanos() - 1);

        assertThat(cache.find("hash", stored(integration(false)))).map(Integration::enabled).contains(true);
        assertThat(loads).hasValue(1);
    }

    @Test
    void anotherNodesChangeIsSeenOnceTheSecondIsOver() {
        cache.find("hash", stored(integration(true)));
        now.addAndGet(KeyCache.TTL.toNanos());

        assertThat(cache.find("hash", stored(integration(false)))).map(Integration::enabled).contains(false);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aChangeOnThisNodeIsSeenAtOnce() {
        cache.find("hash", stored(integration(true)));
        cache.clear();

        assertThat(cache.find("hash", stored(integration(false)))).map(Integration::enabled).contains(false);
    }

    @Test
    void unknownKeysAreAskedForEveryTimeAndNotKept() {
        cache.find("random", stored(null));
        cache.find("random", stored(null));

        assertThat(loads).hasValue(2);
    }

    @Test
    void aKeyThatWasRemovedIsForgottenWhenItsSecondIsOver() {
        cache.find("hash", stored(integration(true)));
        now.addAndGet(KeyCache.TTL.toNanos());

        assertThat(cache.find("hash", stored(null))).isEmpty();
        assertThat(cache.find("hash", stored(null))).isEmpty();
    }

    private Function<String, Optional<Integration>> stored(Integration integration) {
        return keyHash -> {
            loads.incrementAndGet();
            return Optional.ofNullable(integration);
        };
    }

    private static Integration integration(boolean enabled) {
        return new Integration(1, "prometheus", IntegrationType.ALERTMANAGER, enabled, null, null, null, null, null,
                false, false, null, null);
    }
}
