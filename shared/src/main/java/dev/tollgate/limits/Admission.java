package dev.tollgate.limits;

import dev.tollgate.error.GatewayException;

/**
 * The limiter's answer: a lease when the call may go on ({@code refusal} null), else the 429 to
 * answer with. {@code status} is what the {@code x-ratelimit-*} headers report, either way.
 */
public record Admission(RateLimiter.Lease lease, LimitStatus status, GatewayException refusal) {
    public boolean admitted() {
        return refusal == null;
    }
}
