package dev.tollgate.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers what another source answered, for {@code ttl} (a missing secret for at most
 * {@link #MAX_MISS_TTL}), so a tenant's calls do not each go to Secrets Manager. Holds at most
 * {@code maxEntries} names; when full it starts over.
 */
public final class CachingSecretSource implements SecretSource {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final Duration MAX_MISS_TTL = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 1_000;

    private record Entry(Optional<Secret> secret, long expiresAtNanos) {
    }

    private final SecretSource source;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachingSecretSource(SecretSource source, Duration ttl) {
        this(source, ttl, System::nanoTime);
    }

    CachingSecretSource(SecretSource source, Duration ttl, LongSupplier nanoClock) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public Optional<Secret> lookup(String name) {
        long now = nanoClock.getAsLong();
        Entry e = entries.get(name);
        if (e != null && now - e.expiresAtNanos() < 0) {
            return e.secret();
        }
        Optional<Secret> found = source.lookup(name);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(name, new Entry(found, now + (found.isPresent() ? ttlNanos
                : Math.min(ttlNanos, MAX_MISS_TTL.toNanos()))));
        return found;
    }
}
