package dev.tollgate.router;

import dev.tollgate.redis.RedisUnavailableException;
import dev.tollgate.redis.SharedRedis;
import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooldowns shared by every instance through Redis, so one instance's discovery that a deployment
 * fails protects all. A cooldown is a key per deployment ({@code {tollgate:cd}:<id>}) holding
 * when it ends, expiring with it. The hash tag puts every cooldown key in one cluster slot, so one
 * {@code MGET} reads a whole group on ElastiCache Serverless, which runs in cluster mode. This instance's own cooldowns apply at once; other instances'
 * are read at most once per {@link #REFRESH} per deployment, so a call does not pay a Redis round
 * trip every time. When Redis cannot answer, cooldowns go on in this process alone, with one
 * warning until Redis answers again; a call never fails for it.
 */
public final class RedisCooldowns implements CooldownStore {
    public static final String DEFAULT_NAMESPACE = "tollgate:cd";
    static final Duration REFRESH = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger("tollgate.router");

    /** What Redis said about one deployment, and when we asked. */
    private record Seen(long untilMillis, long checkedAtMillis) {
    }

    private final SharedRedis redis;
    private final String prefix;
    private final LocalCooldowns local = new LocalCooldowns();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean degraded = new AtomicBoolean();

    public RedisCooldowns(SharedRedis redis) {
        this(redis, DEFAULT_NAMESPACE);
    }

    /** Keys are {@code {namespace}:<deployment id>}: the braces make the namespace the cluster hash tag. */
    public RedisCooldowns(SharedRedis redis, String namespace) {
        this.redis = redis;
        this.prefix = "{" + namespace + "}:";
    }

    String key(String deploymentId) {
        return prefix + deploymentId;
    }

    @Override
    public void put(String deploymentId, Instant now, Duration length) {
        local.put(deploymentId, now, length);
        long until = now.plus(length).toEpochMilli();
        try {
            redis.call(c -> c.set(key(deploymentId), Long.toString(until),
                    SetArgs.Builder.px(Math.max(1, length.toMillis()))));
            recovered();
        } catch (RedisUnavailableException e) {
            degrade(e);
        }
    }

    @Override
    public Map<String, Instant> active(Collection<String> deploymentIds, Instant now) {
        long nowMillis = now.toEpochMilli();
        List<String> stale = null;
        for (String id : deploymentIds) {
            Seen s = seen.get(id);
            if (s == null || nowMillis - s.checkedAtMillis >= REFRESH.toMillis()) {
                (stale == null ? stale = new ArrayList<>() : stale).add(id);
            }
        }
        if (stale != null) {
            refresh(stale, nowMillis);
        }
        Map<String, Instant> active = new HashMap<>(local.active(deploymentIds, now));
        for (String id : deploymentIds) {
            Seen s = seen.get(id);
            if (s != null && s.untilMillis > nowMillis) {
                active.merge(id, Instant.ofEpochMilli(s.untilMillis), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return active;
    }

    private void refresh(List<String> ids, long nowMillis) {
        String[] keys = ids.stream().map(this::key).toArray(String[]::new);
        try {
            List<KeyValue<String, String>> values = redis.call(c -> c.mget(keys));
            for (int i = 0; i < ids.size(); i++) {
                KeyValue<String, String> v = values.get(i);
                seen.put(ids.get(i), new Seen(v.hasValue() ? parse(v.getValue()) : 0, nowMillis));
            }
            recovered();
        } catch (RedisUnavailableException e) {
            // keep what was last seen, and do not ask again before the next refresh
            for (String id : ids) {
                Seen s = seen.get(id);
                seen.put(id, new Seen(s == null ? 0 : s.untilMillis, nowMillis));
            }
            degrade(e);
        }
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void degrade(RedisUnavailableException e) {
        if (degraded.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "cooldowns are local to this instance until Redis answers: {0}",
                    e.getMessage());
        }
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            LOG.log(System.Logger.Level.INFO, "cooldowns are shared through Redis again");
        }
    }
}
