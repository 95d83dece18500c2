package dev.tollgate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.keys.Limits;
import dev.tollgate.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} must do; each implementation runs it. */
abstract class RateLimiterContract {
    final MutableClock clock = MutableClock.atMinuteStart();

    abstract RateLimiter limiter();

    static Subject subject(Integer rpm, Long tpm, Integer parallel) {
        return new Subject("key:" + UUID.randomUUID(), "API key sk-...test", new Limits(rpm, tpm, parallel));
    }

    int admitted(RateLimiter limiter, List<Subject> subjects, int calls) {
        int admitted = 0;
        for (int i = 0; i < calls; i++) {
            Admission a = limiter.acquire(subjects);
            if (a.admitted()) {
                admitted++;
                a.lease().release(0);
            }
        }
        return admitted;
    }

    @Test
    void rpmLimitAdmitsExactlyTheLimitWithinAMinute() {
        RateLimiter limiter = limiter();
        List<Subject> key = List.of(subject(10, null, null));
        assertEquals(10, admitted(limiter, key, 30));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(0, admitted(limiter, key, 5), "still the same minute");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(10, admitted(limiter, key, 30), "the window has moved past the first calls");
    }

    @Test
    void windowSlidesInsteadOfResettingAtTheMinute() {
        RateLimiter limiter = limiter();
        List<Subject> key = List.of(subject(10, null, null));
        assertEquals(5, admitted(limiter, key, 5));
        clock.advance(Duration.ofSeconds(30));
        assertEquals(5, admitted(limiter, key, 10));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(5, admitted(limiter, key, 10), "only the first five have left the window");
    }

    @Test
    void refusalSaysWhichLimitAndWhenToRetry() {
        RateLimiter limiter = limiter();
        List<Subject> key = List.of(subject(1, null, null));
        admitted(limiter, key, 1);
        clock.advance(Duration.ofSeconds(10));
        Admission refused = limiter.acquire(key);
        assertFalse(refused.admitted());
        assertEquals(ErrorKind.RATE_LIMITED, refused.refusal().kind());
        assertTrue(refused.refusal().getMessage().contains("1 requests per minute (rpm_limit)"));
        assertEquals(Duration.ofSeconds(51), refused.refusal().retryAfter());
        assertEquals(0, refused.status().remainingRequests());
    }

    @Test
    void parallelSlotsAreHeldUntilReleased() {
        RateLimiter limiter = limiter();
        List<Subject> key = List.of(subject(null, null, 2));
        Admission a = limiter.acquire(key);
        Admission b = limiter.acquire(key);
        assertTrue(a.admitted() && b.admitted());
        assertFalse(limiter.acquire(key).admitted());
        a.lease().release(0);
        assertTrue(limiter.acquire(key).admitted());
    }

    @Test
    void tpmLimitRefusesOnceTheWindowsTokensReachIt() {
        RateLimiter limiter = limiter();
        List<Subject> key = List.of(subject(null, 100L, null));
        Admission first = limiter.acquire(key);
        assertEquals(100, first.status().remainingTokens());
        first.lease().release(60);
        Admission second = limiter.acquire(key);
        assertEquals(40, second.status().remainingTokens());
        second.lease().release(60);
        Admission third = limiter.acquire(key);
        assertFalse(third.admitted());
        assertTrue(third.refusal().getMessage().contains("tpm_limit"));
        clock.advance(Duration.ofSeconds(61));
        assertTrue(limiter.acquire(key).admitted());
    }

    @Test
    void teamLimitBindsAllItsKeysAndARefusalCountsNowhere() {
        RateLimiter limiter = limiter();
        Subject team = new Subject("team:" + UUID.randomUUID(), "team t", new Limits(3, null, null));
        Subject keyA = subject(2, null, null);
        Subject keyB = subject(10, null, null);
        assertEquals(2, admitted(limiter, List.of(keyA, team), 5));
        assertEquals(1, admitted(limiter, List.of(keyB, team), 5));
        clock.advance(Duration.ofSeconds(61));
        assertEquals(3, admitted(limiter, List.of(keyB, team), 3), "the refused calls did not count for key B");
    }

    @Test
    void headersReportTheTightestSubject() {
        RateLimiter limiter = limiter();
        Subject key = subject(100, 1000L, null);
        Subject team = subject(5, 50_000L, null);
        Admission a = limiter.acquire(List.of(key, team));
        LimitStatus s = a.status();
        assertEquals(5L, s.limitRequests());
        assertEquals(4, s.remainingRequests());
        assertEquals(1000L, s.limitTokens());
        assertEquals(1000, s.remainingTokens());
        assertEquals(Duration.ofSeconds(61).toMillis(), s.resetRequestsMillis());
    }

    @Test
    void concurrentCallsNeverExceedTheParallelLimit() throws Exception {
        RateLimiter limiter = limiter();
        List<Subject> key = List.of(subject(null, null, 5));
        List<Admission> held = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                Admission a = limiter.acquire(key);
                if (a.admitted()) {
                    held.add(a);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(5, held.size());
        assertNotNull(held.get(0).lease());
    }
}
