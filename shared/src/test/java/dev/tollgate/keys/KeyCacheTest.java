package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.testing.InMemoryKeys;
import dev.tollgate.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KeyCacheTest {
    private final MutableClock clock = MutableClock.atMinuteStart();
    private final InMemoryKeys store = new InMemoryKeys();
    private final KeyCache cache = new KeyCache(store, Duration.ofSeconds(30), 100, clock::nanos);

    static VirtualKey key(String hash, boolean blocked) {
        return new VirtualKey(hash, "sk-...abcd", null, null, null, List.of(), null, null, null, blocked, null, null,
                null);
    }

    @Test
    void servesACachedKeyWithoutReadingTheStoreAgainWithinTheTtl() {
        store.put(key("h1", false));
        cache.keyByHash("h1");
        clock.advance(Duration.ofSeconds(29));
        cache.keyByHash("h1");
        assertEquals(1, store.reads());
    }

    @Test
    void changeMadeElsewhereIsSeenOnceTheTtlHasPassed() {
        store.put(key("h1", false));
        assertFalse(cache.keyByHash("h1").orElseThrow().blocked());
        store.put(key("h1", true));
        clock.advance(Duration.ofSeconds(29));
        assertFalse(cache.keyByHash("h1").orElseThrow().blocked(), "within the TTL the old copy may be served");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(cache.keyByHash("h1").orElseThrow().blocked(), "at the TTL the change must be seen");
    }

    @Test
    void changeAnnouncedInThisProcessIsSeenAtOnce() {
        store.put(key("h1", false));
        cache.keyByHash("h1");
        store.put(key("h1", true));
        cache.keyChanged("h1");
        assertTrue(cache.keyByHash("h1").orElseThrow().blocked());
    }

    @Test
    void teamChangeAnnouncedInThisProcessIsSeenAtOnce() {
        Team team = new Team("t1", null, List.of(), null, null, false, null, null, null);
        store.put(team);
        cache.team("t1");
        store.put(new Team("t1", null, List.of(), null, null, true, null, null, null));
        cache.teamChanged("t1");
        assertTrue(cache.team("t1").orElseThrow().blocked());
    }

    @Test
    void unknownKeyIsRememberedBrieflySoRetriesDoNotHammerTheStore() {
        for (int i = 0; i < 50; i++) {
            assertTrue(cache.keyByHash("nope").isEmpty());
        }
        assertEquals(1, store.reads());
        clock.advance(KeyCache.MAX_MISS_TTL);
        cache.keyByHash("nope");
        assertEquals(2, store.reads(), "a miss is kept for at most " + KeyCache.MAX_MISS_TTL);
    }

    @Test
    void keyCreatedInThisProcessIsNotHiddenByACachedMiss() {
        cache.keyByHash("h1");
        store.put(key("h1", false));
        cache.keyChanged("h1");
        assertTrue(cache.keyByHash("h1").isPresent());
    }

    @Test
    void holdsNoMoreThanItsBound() {
        for (int i = 0; i < 1000; i++) {
            cache.keyByHash("h" + i);
        }
        assertTrue(cache.size() <= 100, "size " + cache.size());
    }

    @Test
    void spendRecordedHereIsSeenBeforeTheTtl() {
        store.put(new VirtualKey("h1", "sk-...abcd", null, "t1", null, List.of(), null,
                new Budget(new BigDecimal("1"), null, null, new BigDecimal("0.5")), null, false, null, null, null));
        store.put(new Team("t1", null, List.of(), null, new Budget(new BigDecimal("2"), null, null, null), false,
                null, null, null));
        cache.keyByHash("h1");
        cache.team("t1");
        cache.addSpend("h1", "t1", new BigDecimal("0.5"), Instant.EPOCH);
        assertTrue(cache.keyByHash("h1").orElseThrow().budget().exhausted());
        assertEquals(new BigDecimal("0.5"), cache.team("t1").orElseThrow().budget().spend());
    }

    @Test
    void spendAfterTheWindowEndedRollsTheCachedBudgetToTheNextWindow() {
        Instant end = Instant.parse("2026-03-02T09:00:00Z");
        store.put(new VirtualKey("h1", "sk-...abcd", null, null, null, List.of(), null,
                new Budget(new BigDecimal("1"), "1d", end, new BigDecimal("3")), null, false, null, null, null));
        cache.keyByHash("h1");
        cache.addSpend("h1", null, new BigDecimal("0.25"), end);
        assertEquals(new Budget(new BigDecimal("1"), "1d", end.plusSeconds(86_400), new BigDecimal("0.25")),
                cache.keyByHash("h1").orElseThrow().budget());
    }

    @Test
    void readThatStraddlesAnInvalidationIsAnsweredButNotKept() throws Exception {
        CountDownLatch readStarted = new CountDownLatch(1);
        CountDownLatch invalidated = new CountDownLatch(1);
        AtomicReference<VirtualKey> stored = new AtomicReference<>(key("h1", false));
        KeyLookup slowStore = new KeyLookup() {
            @Override
            public Optional<VirtualKey> keyByHash(String tokenHash) {
                VirtualKey seen = stored.get();
                readStarted.countDown();
                try {
                    invalidated.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(seen);
            }

            @Override
            public Optional<Team> team(String teamId) {
                return Optional.empty();
            }
        };
        KeyCache straddled = new KeyCache(slowStore, Duration.ofSeconds(30), 100, clock::nanos);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Optional<VirtualKey>> before = pool.submit(() -> straddled.keyByHash("h1"));
            readStarted.await();
            stored.set(key("h1", true));
            straddled.keyChanged("h1");
            invalidated.countDown();
            assertFalse(before.get().orElseThrow().blocked(), "the read that began first answers what it read");
        }
        assertTrue(straddled.keyByHash("h1").orElseThrow().blocked(), "but it was not kept over the change");
    }
}
