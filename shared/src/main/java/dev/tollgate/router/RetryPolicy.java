package dev.tollgate.router;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Whether a failed attempt is tried again, and how long to wait first. Only failures that can
 * succeed on another attempt are retried: 429, 5xx, timeouts and connection errors on any
 * deployment (the same one included), and 401, 403 and 404 on another deployment only, as they
 * say the deployment is misconfigured. Never the caller's 400s.
 *
 * <p>A retry that goes to a deployment not yet tried in this call goes at once. One that goes back
 * to a deployment already tried waits: exponential backoff (0.5 s, 1 s, 2 s ... up to 8 s) with
 * jitter (each wait drawn between half and all of it), at least {@code router_settings.retry_after},
 * and at least the upstream's {@code Retry-After}. A wait longer than {@link #MAX_WAIT} is not
 * made: the call gives up instead of holding the caller.
 */
final class RetryPolicy {
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final long BASE_MILLIS = 500;
    private static final long CAP_MILLIS = 8_000;

    private final Duration minWait;
    private final RandomGenerator random;

    RetryPolicy(Duration minWait, RandomGenerator random) {
        this.minWait = minWait;
        this.random = random;
    }

    /** Whether any deployment might answer where this failed. */
    static boolean retryable(GatewayException e) {
        return e.kind().mayRetry();
    }

    /** Whether the same deployment might answer on another attempt. */
    static boolean sameDeploymentMaySucceed(GatewayException e) {
        ErrorKind k = e.kind();
        return k.mayRetry() && k != ErrorKind.AUTHENTICATION && k != ErrorKind.PERMISSION_DENIED
                && k != ErrorKind.NOT_FOUND;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first) to a deployment already tried,
     * after failure {@code last}; null when it would be longer than {@link #MAX_WAIT}.
     */
    Duration backoff(int retry, GatewayException last) {
        long exponential = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(Math.max(retry - 1, 0), 16));
        long jittered = exponential / 2 + (long) (random.nextDouble() * (exponential / 2.0));
        Duration wait = Duration.ofMillis(jittered);
        if (wait.compareTo(minWait) < 0) {
            wait = minWait;
        }
        Duration asked = last.retryAfter();
        if (asked != null && asked.compareTo(wait) > 0) {
            wait = asked;
        }
        return wait.compareTo(MAX_WAIT) > 0 ? null : wait;
    }
}
