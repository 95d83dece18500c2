package dev.tollgate.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tollgate.config.RedisSettings;
import dev.tollgate.redis.SharedRedis;
import java.net.URI;
import java.util.UUID;

/**
 * The real redis-server {@code bin/test} starts and names in {@value #VARIABLE}. Under CI its
 * absence fails the test; elsewhere (a single test run from the IDE) it skips it. Tests share the
 * server, so each one works under its own {@link #prefix()} instead of flushing the database.
 */
public final class TestRedis {
    public static final String VARIABLE = "TOLLGATE_TEST_REDIS_URL";

    private TestRedis() {
    }

    public static RedisSettings settings() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                fail(VARIABLE + " is not set: run the tests through bin/test, which starts redis-server");
            }
            assumeTrue(false, VARIABLE + " is not set (bin/test sets it); skipping a test that needs redis-server");
        }
        URI uri = URI.create(url);
        return new RedisSettings(uri.getHost(), uri.getPort(), false, null, null, 0);
    }

    public static SharedRedis connect() {
        return SharedRedis.connect(settings());
    }

    /**
     * Connects and waits (up to 15 s) until the server answers a PING, for tests that assert what
     * Redis shares: on a loaded machine the first connection may need a reconnect before it serves.
     */
    public static SharedRedis connectAnswering() {
        SharedRedis redis = connect();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                redis.call(c -> c.ping());
                return redis;
            } catch (dev.tollgate.redis.RedisUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    redis.close();
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A key prefix no other test uses. */
    public static String prefix() {
        return "test:" + UUID.randomUUID() + ":";
    }

    /** Settings for a port where nothing listens: Redis configured but down. */
    public static RedisSettings unreachable() {
        return new RedisSettings("127.0.0.1", 1, false, null, null, 0);
    }
}
