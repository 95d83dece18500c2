package dev.tollgate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.redis.SharedRedis;
import dev.tollgate.testing.MutableClock;
import dev.tollgate.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackRateLimiterTest {
    private final MutableClock clock = MutableClock.atMinuteStart();

    @Test
    void redisDownMeansLocalCountingAndAMetricNeverAFailure() {
        try (SharedRedis down = SharedRedis.connect(TestRedis.unreachable());
             RedisRateLimiter shared = new RedisRateLimiter(down, clock, Duration.ofSeconds(30))) {
            RateLimiter limiter = new FallbackRateLimiter(shared, new LocalRateLimiter(clock));
            List<Subject> key = List.of(RateLimiterContract.subject(3, null, 1));
            int admitted = 0;
            for (int i = 0; i < 5; i++) {
                Admission a = limiter.acquire(key);
                if (a.admitted()) {
                    admitted++;
                    a.lease().release(10);
                }
            }
            assertEquals(3, admitted, "the limit still holds, counted in this process");
            assertTrue(down.unavailableCount() >= 5, "each miss counted: " + down.unavailableCount());
        }
    }
}
