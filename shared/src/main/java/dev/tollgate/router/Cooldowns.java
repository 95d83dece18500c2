package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a deployment is taken out of its group. A 401, 404 or 429 takes it out at once (its key,
 * its model name or its quota is wrong right now, and the next call would fail the same way); other
 * failures another deployment could survive (403, timeouts, 5xx, connection errors) take it out
 * once it has had more than {@code allowed_fails} of them within a minute. Errors of the caller's
 * making (400s) never count. A deployment that is the only one of its group is never taken out:
 * there is nothing to route to instead, and a cooldown would turn one failure into a minute of
 * refusals (LiteLLM does the same).
 */
final class Cooldowns {
    private static final long WINDOW_MILLIS = 60_000;
    /** A 429's Retry-After lengthens its cooldown up to this. */
    static final Duration MAX_COOLDOWN = Duration.ofMinutes(5);

    private final CooldownStore store;
    private final InstantSource clock;
    private final int allowedFails;
    private final Duration cooldownTime;
    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    Cooldowns(CooldownStore store, InstantSource clock, int allowedFails, Duration cooldownTime) {
        this.store = store;
        this.clock = clock;
        this.allowedFails = allowedFails;
        this.cooldownTime = cooldownTime;
    }

    /** Counts a failure of {@code d}, a deployment of a group of {@code groupSize}. */
    void failed(Deployment d, GatewayException e, int groupSize) {
        ErrorKind kind = e.kind();
        if (!kind.mayRetry() || groupSize < 2) {
            return;
        }
        if (kind == ErrorKind.AUTHENTICATION || kind == ErrorKind.NOT_FOUND || kind == ErrorKind.RATE_LIMITED) {
            coolDown(d, e.retryAfter());
        } else if (countFailure(d.id()) > allowedFails) {
            coolDown(d, null);
        }
    }

    /** The deployments of {@code group} cooling down now, with when each comes back. */
    Map<String, Instant> active(List<Deployment> group) {
        return store.active(group.stream().map(Deployment::id).toList(), clock.instant());
    }

    private void coolDown(Deployment d, Duration retryAfter) {
        Duration length = cooldownTime;
        if (retryAfter != null && retryAfter.compareTo(length) > 0) {
            length = retryAfter.compareTo(MAX_COOLDOWN) > 0 ? MAX_COOLDOWN : retryAfter;
        }
        failures.remove(d.id());
        store.put(d.id(), clock.instant(), length);
    }

    /** Records a failure now and returns how many fell within the last minute. */
    private int countFailure(String id) {
        long now = clock.millis();
        ArrayDeque<Long> times = failures.computeIfAbsent(id, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.removeFirst();
            }
            while (times.size() > allowedFails + 1) {
                times.removeFirst();
            }
            return times.size();
        }
    }
}
