package io.incidentflow.integration;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Integrations found by their key hash in the last second, so that a storm does not look up the same key for every
 * alert. A change made on this node clears it at once; another node's change is seen within {@link #TTL}. Only keys
 * that exist are kept, so that a sender trying random keys cannot fill it.
 */
final class KeyCache {

    static final Duration TTL = Duration.ofSeconds(1);
    // Far above the integrations a team has; only keys rotated away within the last second linger beyond those.
    private static final int MAX_ENTRIES = 1_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    KeyCache() {
        this(System::nanoTime);
    }

    KeyCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    Optional<Integration> find(String keyHash, Function<String, Optional<Integration>> load) {
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(keyHash);
        if (entry != null && now - entry.loadedAt() < TTL.toNanos()) {
            return Optional.of(entry.integration());
        }
        Optional<Integration> found = load.apply(keyHash);
        if (found.isEmpty()) {
            entries.remove(keyHash);
            return found;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(keyHash, new Entry(found.get(), now));
        return found;
    }

    void clear() {
        entries.clear();
    }

    private record Entry(Integration integration, long loadedAt) {
    }
}
