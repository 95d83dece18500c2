package dev.tollgate.redis;

/**
 * Redis could not answer in time (down, unreachable, not yet connected, or too slow). Callers
 * carry on with their local state: shared counters are an improvement, never a dependency.
 */
public final class RedisUnavailableException extends RuntimeException {
    RedisUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
