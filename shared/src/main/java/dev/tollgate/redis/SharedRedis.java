package dev.tollgate.redis;

import dev.tollgate.config.RedisSettings;
import dev.tollgate.metrics.EmfMetric;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The one connection each process keeps to the shared Redis (ElastiCache on AWS), used by rate
 * limits and cooldowns. Lettuce multiplexes every caller's commands over it, so the request path
 * never waits for a pooled connection. Commands are bounded by a short timeout and rejected at
 * once while disconnected: a slow or absent Redis costs a caller at most {@link #COMMAND_TIMEOUT},
 * and the caller falls back to local state (see {@link RedisUnavailableException}). If the first
 * connection fails, start-up goes on and a background thread keeps trying every
 * {@link #RECONNECT_INTERVAL}; once connected, Lettuce reconnects by itself.
 *
 * <p>A Redis that stalls rather than refuses would cost every call the full timeout, on acquire
 * and again on release. So after {@link #TRIP_AFTER} failures in a row, calls skip Redis for
 * {@link #OPEN_FOR}; then one call at a time tries it again.
 */
public final class SharedRedis implements AutoCloseable {
    public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(5);
    static final int TRIP_AFTER = 3;
    static final Duration OPEN_FOR = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger("tollgate.redis");

    private final RedisClient client;
    private final RedisSettings settings;
    private final EmfMetric unavailable = new EmfMetric("RedisUnavailable");
    private final long openForNanos;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicLong skipUntilNanos = new AtomicLong(System.nanoTime());
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;

    private SharedRedis(RedisClient client, RedisSettings settings, Duration openFor) {
        this.client = client;
        this.settings = settings;
        this.openForNanos = openFor.toNanos();
    }

    /** Connects, or starts retrying in the background; never throws for an unreachable server. */
    public static SharedRedis connect(RedisSettings settings) {
        return connect(settings, OPEN_FOR);
    }

    static SharedRedis connect(RedisSettings settings, Duration openFor) {
        RedisClient client = RedisClient.create(uri(settings));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        SharedRedis redis = new SharedRedis(client, settings, openFor);
        if (!redis.tryConnect()) {
            Thread.ofVirtual().name("tollgate-redis-connect").start(redis::keepConnecting);
        }
        return redis;
    }

    /**
     * Runs commands on the shared connection. Throws {@link RedisUnavailableException} when Redis
     * cannot answer; each such failure counts towards the {@code RedisUnavailable} metric.
     */
    public <T> T call(Function<RedisCommands<String, String>, T> commands) {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            throw unavailable("not connected to " + settings, null);
        }
        if (!mayTry()) {
            throw unavailable(settings + ": skipped for a few seconds after " + TRIP_AFTER + " failures in a row", null);
        }
        try {
            T result = commands.apply(c.sync());
            if (failuresInARow.getAndSet(0) != 0) {
                skipUntilNanos.set(System.nanoTime());
            }
            return result;
        } catch (RedisException e) {
            if (failuresInARow.incrementAndGet() >= TRIP_AFTER) {
                skipUntilNanos.set(System.nanoTime() + openForNanos);
            }
            throw unavailable(settings + ": " + e.getMessage(), e);
        }
    }

    /** Outside a skip window; after one, only the caller that moves the window on tries. */
    private boolean mayTry() {
        long until = skipUntilNanos.get();
        long now = System.nanoTime();
        if (now - until >= 0) {
            return failuresInARow.get() < TRIP_AFTER || skipUntilNanos.compareAndSet(until, now + openForNanos);
        }
        return false;
    }

    public boolean connected() {
        StatefulRedisConnection<String, String> c = connection;
        return c != null && c.isOpen();
    }

    /** Calls that found Redis unavailable since start-up. */
    public long unavailableCount() {
        return unavailable.total();
    }

    private RedisUnavailableException unavailable(String message, Throwable cause) {
        unavailable.increment();
        return new RedisUnavailableException(message, cause);
    }

    private boolean tryConnect() {
        try {
            connection = client.connect();
            LOG.log(System.Logger.Level.INFO, "connected to Redis at {0}", settings);
            return true;
        } catch (RedisException e) {
            LOG.log(System.Logger.Level.WARNING, "Redis at {0} unavailable ({1}); counting locally until it answers",
                    settings, e.getMessage());
            return false;
        }
    }

    private void keepConnecting() {
        while (!closed && connection == null) {
            try {
                Thread.sleep(RECONNECT_INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) {
                tryConnect();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }

    private static RedisURI uri(RedisSettings s) {
        RedisURI.Builder b = RedisURI.builder().withHost(s.host()).withPort(s.port()).withSsl(s.tls())
                .withDatabase(s.database()).withTimeout(COMMAND_TIMEOUT);
        if (s.password() != null) {
            if (s.username() != null) {
                b.withAuthentication(s.username(), s.password().value());
            } else {
                b.withPassword(s.password().value().toCharArray());
            }
        }
        return b.build();
    }
}
