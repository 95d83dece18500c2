package dev.tollgate.keys;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The request path's short memory of keys and teams, in front of the store. An entry is served for
 * at most {@code ttl} (LiteLLM's {@code user_api_key_cache_ttl}, default 30 s) after it was read, so
 * a change made by another process is seen within the TTL; a change made through this process's
 * admin routes drops the entry at once ({@link KeyChangeListener}). Unknown keys are remembered too,
 * for at most {@link #MAX_MISS_TTL}, so a caller retrying a wrong key cannot turn every request
 * into a read. The cache holds at most {@code maxEntries} keys and as many teams.
 */
public final class KeyCache implements KeyLookup, KeyChangeListener {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    static final Duration MAX_MISS_TTL = Duration.ofSeconds(5);

    private record Entry<T>(Optional<T> value, long expiresAtNanos) {
    }

    private final KeyLookup store;
    private final long ttlNanos;
    private final long missTtlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final Map<String, Entry<VirtualKey>> keys = new ConcurrentHashMap<>();
    private final Map<String, Entry<Team>> teams = new ConcurrentHashMap<>();
    /** Bumped by every invalidation: a read that began before one is returned but not kept. */
    private final AtomicLong generation = new AtomicLong();

    public KeyCache(KeyLookup store, Duration ttl) {
        this(store, ttl, DEFAULT_MAX_ENTRIES, System::nanoTime);
    }

    KeyCache(KeyLookup store, Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
        this.missTtlNanos = Math.min(ttlNanos, MAX_MISS_TTL.toNanos());
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    @Override
    public Optional<VirtualKey> keyByHash(String tokenHash) {
        return get(keys, tokenHash, store::keyByHash);
    }

    @Override
    public Optional<Team> team(String teamId) {
        return get(teams, teamId, store::team);
    }

    @Override
    public void keyChanged(String tokenHash) {
        generation.incrementAndGet();
        keys.remove(tokenHash);
    }

    @Override
    public void teamChanged(String teamId) {
        generation.incrementAndGet();
        teams.remove(teamId);
    }

    /**
     * Adds spend this process just recorded at {@code now} to the cached key and team, so its next
     * budget check sees it without waiting for the TTL. A budget whose window has ended rolls to the
     * next window first, as the spend write does in the store.
     */
    public void addSpend(String tokenHash, String teamId, BigDecimal cost, Instant now) {
        keys.computeIfPresent(tokenHash, (h, e) -> e.value().isEmpty() ? e
                : new Entry<>(Optional.of(e.value().get().withBudget(e.value().get().budget().plusSpendAt(cost, now))),
                e.expiresAtNanos()));
        if (teamId != null) {
            teams.computeIfPresent(teamId, (id, e) -> e.value().isEmpty() ? e
                    : new Entry<>(Optional.of(e.value().get().withBudget(e.value().get().budget().plusSpendAt(cost, now))),
                    e.expiresAtNanos()));
        }
    }

    private <T> Optional<T> get(Map<String, Entry<T>> map, String id, Function<String, Optional<T>> load) {
        long now = nanoClock.getAsLong();
        Entry<T> cached = map.get(id);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return cached.value();
        }
        long seen = generation.get();
        Optional<T> loaded = load.apply(id);
        if (generation.get() == seen) {
            makeRoom(map, now);
            map.put(id, new Entry<>(loaded, now + (loaded.isPresent() ? ttlNanos : missTtlNanos)));
        }
        return loaded;
    }

    /** Drops expired entries when full; if that is not enough, a quarter of the rest (they are re-read). */
    private <T> void makeRoom(Map<String, Entry<T>> map, long now) {
        if (map.size() < maxEntries) {
            return;
        }
        map.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
        int excess = map.size() - maxEntries * 3 / 4;
        for (Iterator<String> it = map.keySet().iterator(); excess > 0 && it.hasNext(); excess--) {
            it.next();
            it.remove();
        }
    }

    int size() {
        return keys.size() + teams.size();
    }
}
