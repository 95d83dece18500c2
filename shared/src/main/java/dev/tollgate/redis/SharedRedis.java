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
import java.util.function.Function;

/**
 * The one connection each process keeps to the shared Redis (ElastiCache on AWS), used by rate
 * limits and cooldowns. Lettuce multiplexes every caller's commands over it, so the request path
 * never waits for a pooled connection. Commands are bounded by a short timeout and rejected at
 * once while disconnected: a slow or absent Redis costs a caller at most {@link #COMMAND_TIMEOUT},
 * and the caller falls back to local state (see {@link RedisUnavailableException}). If the first
 * connection fails, start-up goes on and a background thread keeps trying every
 * {@link #RECONNECT_INTERVAL}; once connected, Lettuce reconnects by itself.
 */
public final class SharedRedis implements AutoCloseable {
    public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger("tollgate.redis");

    private final RedisClient client;
    private final RedisSettings settings;
    private final EmfMetric unavailable = new EmfMetric("RedisUnavailable");
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;

    private SharedRedis(RedisClient client, RedisSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Connects, or starts retrying in the background; never throws for an unreachable server. */
    public static SharedRedis connect(RedisSettings settings) {
        RedisClient client = RedisClient.create(uri(settings));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        SharedRedis redis = new SharedRedis(client, settings);
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
        try {
            return commands.apply(c.sync());
        } catch (RedisException e) {
            throw unavailable(settings + ": " + e.getMessage(), e);
        }
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
