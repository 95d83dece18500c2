package dev.tollgate.limits;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.keys.Limits;
import java.time.Duration;
import java.util.List;

/**
 * The decision both limiters make from the counts before a call (the Redis script makes the same
 * comparisons on the server), and what the headers say about it. Subjects are checked in order,
 * the key before its team; within one, parallel slots, then requests, then tokens.
 */
final class Verdicts {
    /** Buckets a call is counted in: the current second and the 60 before it. */
    static final int WINDOW_BUCKETS = 61;
    /** When no slot frees at a known time, callers are asked to wait this long. */
    static final Duration PARALLEL_RETRY = Duration.ofSeconds(1);

    private Verdicts() {
    }

    /** The 429 for the first limit that refuses the call, or null when every limit allows it. */
    static GatewayException refusal(List<Subject> subjects, List<WindowCounts> counts, long nowMillis) {
        for (int i = 0; i < subjects.size(); i++) {
            Subject s = subjects.get(i);
            Limits l = s.limits();
            WindowCounts c = counts.get(i);
            if (l.maxParallelRequests() != null && c.inFlight() >= l.maxParallelRequests()) {
                return refused(s, l.maxParallelRequests() + " parallel requests (max_parallel_requests)",
                        PARALLEL_RETRY);
            }
            if (l.rpmLimit() != null && c.requests() >= l.rpmLimit()) {
                return refused(s, l.rpmLimit() + " requests per minute (rpm_limit)",
                        untilExpired(c.oldestRequestSecond(), nowMillis));
            }
            if (l.tpmLimit() != null && c.tokens() >= l.tpmLimit()) {
                return refused(s, l.tpmLimit() + " tokens per minute (tpm_limit)",
                        untilExpired(c.oldestTokenSecond(), nowMillis));
            }
        }
        return null;
    }

    /** The headers' view after the decision: an admitted call is already counted as one request. */
    static LimitStatus status(List<Subject> subjects, List<WindowCounts> counts, boolean admitted, long nowMillis) {
        Long limitRequests = null;
        long remainingRequests = Long.MAX_VALUE;
        long resetRequests = 0;
        Long limitTokens = null;
        long remainingTokens = Long.MAX_VALUE;
        long resetTokens = 0;
        for (int i = 0; i < subjects.size(); i++) {
            Limits l = subjects.get(i).limits();
            WindowCounts c = counts.get(i);
            if (l.rpmLimit() != null) {
                long used = c.requests() + (admitted ? 1 : 0);
                long remaining = Math.max(0, l.rpmLimit() - used);
                if (remaining < remainingRequests) {
                    remainingRequests = remaining;
                    limitRequests = (long) l.rpmLimit();
                    long newest = admitted ? nowMillis / 1000 : c.newestRequestSecond();
                    resetRequests = untilExpired(newest, nowMillis).toMillis();
                }
            }
            if (l.tpmLimit() != null) {
                long remaining = Math.max(0, l.tpmLimit() - c.tokens());
                if (remaining < remainingTokens) {
                    remainingTokens = remaining;
                    limitTokens = l.tpmLimit();
                    resetTokens = untilExpired(c.newestTokenSecond(), nowMillis).toMillis();
                }
            }
        }
        return new LimitStatus(limitRequests, remainingRequests, resetRequests, limitTokens, remainingTokens,
                resetTokens);
    }

    /** Time until what was counted in that second leaves the window; zero for none ({@code -1}). */
    static Duration untilExpired(long second, long nowMillis) {
        if (second < 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.max(0, (second + WINDOW_BUCKETS) * 1000 - nowMillis));
    }

    private static GatewayException refused(Subject s, String limit, Duration retryAfter) {
        return new GatewayException(ErrorKind.RATE_LIMITED, "Rate limit reached for " + s.label() + ": " + limit
                + ". Retry after " + LimitStatus.duration(retryAfter.toMillis()) + ".", null, null, retryAfter, null);
    }
}
