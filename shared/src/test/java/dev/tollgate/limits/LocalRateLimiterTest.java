package dev.tollgate.limits;

class LocalRateLimiterTest extends RateLimiterContract {
    @Override
    RateLimiter limiter() {
        return new LocalRateLimiter(clock);
    }
}
