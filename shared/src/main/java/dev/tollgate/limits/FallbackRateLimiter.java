package dev.tollgate.limits;

import dev.tollgate.redis.RedisUnavailableException;
import java.util.List;

/**
 * Shared limits when Redis answers, this process's own counts when it does not: a call is never
 * refused or failed because Redis is down. {@link dev.tollgate.redis.SharedRedis} counts each
 * such miss in the {@code RedisUnavailable} metric. While Redis is away each instance enforces the
 * limits alone, so together they may admit up to the limit once per instance.
 */
public final class FallbackRateLimiter implements RateLimiter {
    private final RateLimiter shared;
    private final RateLimiter local;

    public FallbackRateLimiter(RateLimiter shared, RateLimiter local) {
        this.shared = shared;
        this.local = local;
    }

    @Override
    public Admission acquire(List<Subject> subjects) {
        try {
            return shared.acquire(subjects);
        } catch (RedisUnavailableException e) {
            return local.acquire(subjects);
        }
    }
}
