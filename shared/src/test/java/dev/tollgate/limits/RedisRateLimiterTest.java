package dev.tollgate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.redis.SharedRedis;
import dev.tollgate.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisRateLimiterTest extends RateLimiterContract {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final List<AutoCloseable> opened = new ArrayList<>();
    private SharedRedis redis;

    @Override
    RateLimiter limiter() {
        if (redis == null) {
            redis = TestRedis.connectAnswering();
            opened.add(redis);
        }
        RedisRateLimiter limiter = new RedisRateLimiter(redis, clock, LEASE);
        opened.add(0, limiter);
        return limiter;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void twoInstancesShareOneLimit() {
        RateLimiter a = limiter();
        RateLimiter b = limiter();
        List<Subject> key = List.of(subject(10, null, 3));
        assertEquals(6, admitted(a, key, 6));
        assertEquals(4, admitted(b, key, 10));
        assertEquals(0, admitted(a, key, 1));
        Admission held1 = b.acquire(List.of(subject(null, null, 1)));
        assertTrue(held1.admitted());
    }

    @Test
    void slotOfACrashedInstanceFreesItselfWhenItsLeaseExpires() {
        RedisRateLimiter crashed = (RedisRateLimiter) limiter();
        RateLimiter survivor = limiter();
        List<Subject> key = List.of(subject(null, null, 1));
        assertTrue(crashed.acquire(key).admitted());
        crashed.close();
        assertFalse(survivor.acquire(key).admitted(), "the lease is still live");
        clock.advance(LEASE.minusSeconds(1));
        assertFalse(survivor.acquire(key).admitted());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(survivor.acquire(key).admitted(), "the crashed instance's slot expired after one lease");
    }

    @Test
    void callLongerThanALeaseKeepsItsSlotWhileItsInstanceRenews() {
        RedisRateLimiter instance = (RedisRateLimiter) limiter();
        RateLimiter other = limiter();
        List<Subject> key = List.of(subject(null, null, 1));
        Admission longCall = instance.acquire(key);
        for (int i = 0; i < 5; i++) {
            clock.advance(LEASE.dividedBy(3));
            instance.renew();
        }
        assertFalse(other.acquire(key).admitted(), "renewed for " + LEASE.multipliedBy(5).dividedBy(3));
        longCall.lease().release(0);
        assertTrue(other.acquire(key).admitted());
    }
}
