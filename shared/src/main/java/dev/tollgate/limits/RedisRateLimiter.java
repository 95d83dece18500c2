package dev.tollgate.limits;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.redis.RedisUnavailableException;
import dev.tollgate.redis.SharedRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits shared by every instance through Redis: one script call to acquire (check and count in,
 * atomically, for the key and its team together) and one to release. Throws
 * {@link RedisUnavailableException} when Redis does not answer; {@link FallbackRateLimiter} then
 * counts locally.
 *
 * <p>A parallel slot is a lease with an expiry, not a counter, so an instance that dies holding
 * one (a Lambda killed mid-call, a crash) cannot leak it: the slot frees itself when the lease
 * expires, at most {@code lease} later ({@link #DEFAULT_LEASE}, 30 s). Calls that outlive a lease
 * (long streams) keep theirs: while any lease is held, a background thread extends all of this
 * instance's leases every third of the lease time, in one script call.
 *
 * <p>Every key carries the hash tag {@value #PREFIX}, so a key's and its team's counters sit in one
 * cluster slot and one script can touch both (ElastiCache Serverless runs in cluster mode). The
 * cost is that all counters live on one shard; each call is one small script, well within it.
 * Windows use this instance's clock; instances' clocks agree within NTP's milliseconds.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    static final String PREFIX = "{tollgate:rl}:";
    private static final System.Logger LOG = System.getLogger("tollgate.limits");

    private final SharedRedis redis;
    private final Clock clock;
    private final long leaseMillis;
    private final Set<RedisLease> live = ConcurrentHashMap.newKeySet();
    private final Thread renewer;
    private volatile boolean closed;

    public RedisRateLimiter(SharedRedis redis, Clock clock, Duration lease) {
        this.redis = redis;
        this.clock = clock;
        this.leaseMillis = lease.toMillis();
        this.renewer = Thread.ofVirtual().name("tollgate-lease-renewer").start(this::renewLoop);
    }

    @Override
    public Admission acquire(List<Subject> subjects) {
        int n = subjects.size();
        long now = clock.millis();
        // a UUID, not an instance id + counter: instances restored from one SnapStart snapshot
        // would share the id and the counter, and their leases would collide in the set
        String leaseId = UUID.randomUUID().toString();
        String[] keys = new String[3 * n];
        String[] args = new String[3 + 3 * n];
        args[0] = Long.toString(now);
        args[1] = Long.toString(leaseMillis);
        args[2] = leaseId;
        for (int i = 0; i < n; i++) {
            Subject s = subjects.get(i);
            keys[3 * i] = PREFIX + s.id() + ":r";
            keys[3 * i + 1] = PREFIX + s.id() + ":t";
            keys[3 * i + 2] = PREFIX + s.id() + ":p";
            args[3 + 3 * i] = limit(s.limits().rpmLimit());
            args[4 + 3 * i] = limit(s.limits().tpmLimit());
            args[5 + 3 * i] = limit(s.limits().maxParallelRequests());
        }
        List<Object> out = redis.call(c -> LimitScripts.ACQUIRE.run(c, keys, args));
        List<WindowCounts> counts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = 1 + 7 * i;
            counts.add(new WindowCounts(num(out, at), num(out, at + 1), num(out, at + 2), num(out, at + 3),
                    num(out, at + 4), num(out, at + 5), num(out, at + 6)));
        }
        if (num(out, 0) != 1) {
            GatewayException refusal = Verdicts.refusal(subjects, counts, now);
            return new Admission(null, Verdicts.status(subjects, counts, false, now), refusal != null ? refusal
                    : new GatewayException(ErrorKind.RATE_LIMITED, "Rate limit reached.", null, null,
                    Verdicts.PARALLEL_RETRY, null));
        }
        RedisLease lease = new RedisLease(subjects, leaseId);
        if (lease.leaseKeys.length > 0) {
            live.add(lease);
        }
        return new Admission(lease, Verdicts.status(subjects, counts, true, now), null);
    }

    private final class RedisLease implements Lease {
        final String id;
        final String[] leaseKeys;
        final String[] tokenKeys;

        RedisLease(List<Subject> subjects, String id) {
            this.id = id;
            this.leaseKeys = subjects.stream().filter(s -> s.limits().maxParallelRequests() != null)
                    .map(s -> PREFIX + s.id() + ":p").toArray(String[]::new);
            this.tokenKeys = subjects.stream().filter(s -> s.limits().tpmLimit() != null)
                    .map(s -> PREFIX + s.id() + ":t").toArray(String[]::new);
        }

        @Override
        public void release(long tokens) {
            if (leaseKeys.length > 0 && !live.remove(this)) {
                return;
            }
            if (leaseKeys.length == 0 && (tokens <= 0 || tokenKeys.length == 0)) {
                return;
            }
            String[] keys = new String[leaseKeys.length + tokenKeys.length];
            System.arraycopy(leaseKeys, 0, keys, 0, leaseKeys.length);
            System.arraycopy(tokenKeys, 0, keys, leaseKeys.length, tokenKeys.length);
            try {
                redis.call(c -> LimitScripts.RELEASE.run(c, keys, Long.toString(clock.millis()), id,
                        Long.toString(Math.max(0, tokens)), Integer.toString(leaseKeys.length)));
            } catch (RedisUnavailableException e) {
                // the slot frees itself when its lease expires; these tokens go uncounted
                LOG.log(System.Logger.Level.DEBUG, "release of lease {0} not recorded: {1}", id, e.getMessage());
            }
        }
    }

    private void renewLoop() {
        long pause = Math.max(10, leaseMillis / 3);
        while (!closed) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed && !live.isEmpty()) {
                renew();
            }
        }
    }

    void renew() {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        args.add(Long.toString(clock.millis() + leaseMillis));
        args.add(Long.toString(leaseMillis + 1000));
        for (RedisLease lease : live) {
            for (String key : lease.leaseKeys) {
                keys.add(key);
                args.add(lease.id);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        try {
            redis.call(c -> LimitScripts.RENEW.run(c, keys.toArray(String[]::new), args.toArray(String[]::new)));
        } catch (RedisUnavailableException e) {
            LOG.log(System.Logger.Level.DEBUG, "lease renewal failed: {0}", e.getMessage());
        }
    }

    /** Stops renewing. Leases still held expire on their own: what a crashed instance leaves behind. */
    @Override
    public void close() {
        closed = true;
        renewer.interrupt();
    }

    private static String limit(Number n) {
        return n == null ? "-1" : n.toString();
    }

    private static long num(List<Object> out, int i) {
        return ((Number) out.get(i)).longValue();
    }
}
