package dev.tollgate.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.testing.TestRedis;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SharedRedisTest {
    private static final RedisScript INCREMENT_WITH_TTL = new RedisScript("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""", ScriptOutputType.INTEGER);

    @Test
    void runsCommandsOnTheSharedServer() {
        String key = TestRedis.prefix() + "k";
        try (SharedRedis redis = TestRedis.connect()) {
            assertTrue(redis.connected());
            redis.call(c -> c.set(key, "v"));
            assertEquals("v", redis.call(c -> c.get(key)));
            assertEquals(0, redis.unavailableCount());
        }
    }

    @Test
    void scriptRunsAgainAfterTheServerForgotIt() {
        String key = TestRedis.prefix() + "n";
        try (SharedRedis redis = TestRedis.connect()) {
            long first = redis.call(c -> INCREMENT_WITH_TTL.<Long>run(c, new String[] {key}, "60000"));
            redis.call(c -> c.scriptFlush());
            long second = redis.call(c -> INCREMENT_WITH_TTL.<Long>run(c, new String[] {key}, "60000"));
            assertEquals(1, first);
            assertEquals(2, second);
            long ttl = redis.call(c -> c.pttl(key));
            assertTrue(ttl > 0 && ttl <= 60_000, "ttl " + ttl);
        }
    }

    @Test
    void unreachableServerFailsFastAndIsCounted() {
        try (SharedRedis redis = SharedRedis.connect(TestRedis.unreachable())) {
            assertFalse(redis.connected());
            long start = System.nanoTime();
            assertThrows(RedisUnavailableException.class, () -> redis.call(c -> c.get("x")));
            assertThrows(RedisUnavailableException.class, () -> redis.call(c -> c.get("x")));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(SharedRedis.COMMAND_TIMEOUT) < 0,
                    "a call without a connection must not wait for one");
            assertEquals(2, redis.unavailableCount());
        }
    }

    @Test
    void aStalledServerIsSkippedAfterThreeTimeoutsInARowThenTriedAgain() throws Exception {
        try (SharedRedis redis = SharedRedis.connect(TestRedis.settings(), Duration.ofMillis(1500));
             SharedRedis admin = TestRedis.connect()) {
            redis.call(c -> c.ping());
            admin.call(c -> c.clientPause(1000));
            for (int i = 0; i < SharedRedis.TRIP_AFTER; i++) {
                assertThrows(RedisUnavailableException.class, () -> redis.call(c -> c.ping()));
            }
            long start = System.nanoTime();
            RedisUnavailableException skipped = assertThrows(RedisUnavailableException.class,
                    () -> redis.call(c -> c.ping()));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 100,
                    "while skipped, a call does not wait on Redis");
            assertTrue(skipped.getMessage().contains("skipped"), skipped.getMessage());

            Thread.sleep(1600);
            assertEquals("PONG", redis.call(c -> c.ping()), "tried again once the skip window passed");
            assertEquals("PONG", redis.call(c -> c.ping()), "and every call uses it again");
        }
    }

    @Test
    void unavailableMessageNeverShowsThePassword() {
        var settings = new dev.tollgate.config.RedisSettings("127.0.0.1", 1, false, "app",
                new dev.tollgate.config.Secret("hunter2-secret"), 0);
        try (SharedRedis redis = SharedRedis.connect(settings)) {
            RedisUnavailableException e = assertThrows(RedisUnavailableException.class,
                    () -> redis.call(c -> c.get("x")));
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
            assertFalse(settings.toString().contains("hunter2"));
        }
    }
}
