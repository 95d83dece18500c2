package dev.tollgate.provider.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.ofEpochSecond(1_700_000_000L);

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger fetches = new AtomicInteger();

    private AccessTokens tokens(AccessTokens.Exchange exchange) {
        return new AccessTokens(JwtAssertionTest.account(), exchange, clock);
    }

    private AccessTokens.Token issue(String assertion) {
        int n = fetches.incrementAndGet();
        return new AccessTokens.Token("token-" + n, clock.instant().plusSeconds(3600));
    }

    @Test
    void secondCallUsesTheCachedToken() {
        AccessTokens t = tokens(this::issue);
        assertEquals("token-1", t.get());
        clock.advance(Duration.ofMinutes(30));
        assertEquals("token-1", t.get());
        assertEquals(1, fetches.get());
    }

    @Test
    void refreshesFiveMinutesBeforeExpiry() {
        AccessTokens t = tokens(this::issue);
        t.get();
        clock.advance(Duration.ofMinutes(55).plusSeconds(1));
        assertEquals("token-2", t.get());
        assertEquals(2, fetches.get());
    }

    @Test
    void keepsTheOldTokenWhenARefreshFailsBeforeItExpires() {
        List<Boolean> fail = new ArrayList<>(List.of(false, true, true));
        AccessTokens t = tokens(a -> {
            if (fail.remove(0)) {
                throw new GatewayException(ErrorKind.CONNECTION, "down");
            }
            return issue(a);
        });
        t.get();
        clock.advance(Duration.ofMinutes(57));
        assertEquals("token-1", t.get());
        clock.advance(Duration.ofMinutes(4));
        assertThrows(GatewayException.class, t::get);
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AccessTokens t = tokens(a -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return issue(a);
        });
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(t::get));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<String> f : results) {
                assertEquals("token-1", f.get());
            }
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void pausesAfterAFailedRefreshInsteadOfEveryCallerRetrying() {
        List<Boolean> fail = new ArrayList<>(List.of(false, true, false));
        AccessTokens t = tokens(a -> {
            if (fail.remove(0)) {
                fetches.incrementAndGet();
                throw new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "token endpoint overloaded");
            }
            return issue(a);
        });
        t.get();
        clock.advance(Duration.ofMinutes(56));
        assertEquals("token-1", t.get());
        assertEquals("token-1", t.get());
        assertEquals(2, fetches.get(), "the second caller used the old token without a fetch of its own");
        clock.advance(AccessTokens.RETRY_PAUSE.plusSeconds(1));
        assertEquals("token-3", t.get());
    }

    @Test
    void callersWithAValidTokenDoNotWaitForARunningRefresh() throws Exception {
        CountDownLatch refreshing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AccessTokens t = tokens(a -> {
            if (calls.incrementAndGet() == 2) {
                refreshing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return issue(a);
        });
        t.get();
        clock.advance(Duration.ofMinutes(56));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> slow = pool.submit(t::get);
            refreshing.await();
            Future<String> other = pool.submit(t::get);
            // a hang guard, not a speed assertion: before the fix this caller waited for the refresh
            assertEquals("token-1", other.get(10, java.util.concurrent.TimeUnit.SECONDS));
            release.countDown();
            assertEquals("token-2", slow.get());
        }
    }
}
