package dev.tollgate.provider.vertex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The access token of one service account, cached until {@link #REFRESH_BEFORE} before it expires.
 * One refresh at a time. While the old token is still valid, nobody waits for a refresh: the caller
 * that gets the lock refreshes, the others use the old token, and after a failed refresh nobody tries
 * again for {@link #RETRY_PAUSE}. Only callers without a valid token wait, and after a failure they
 * fail at once for the same pause instead of each paying for its own fetch in turn.
 */
final class AccessTokens {
    static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

    /** A token and the instant it stops being accepted. */
    record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[expires " + expiresAt + "]";
        }
    }

    /** Trades a signed assertion for a token; throws a GatewayException when it cannot. */
    @FunctionalInterface
    interface Exchange {
        Token fetch(String assertion);
    }

    private final ServiceAccount account;
    private final Exchange exchange;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Token current;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile RuntimeException lastFailure;

    AccessTokens(ServiceAccount account, Exchange exchange, Clock clock) {
        this.account = account;
        this.exchange = exchange;
        this.clock = clock;
    }

    /** A token good for at least a few more minutes, from the cache or freshly fetched. */
    String get() {
        Token t = current;
        if (fresh(t)) {
            return t.value();
        }
        boolean paused = clock.instant().isBefore(pausedUntil);
        if (valid(t)) {
            if (paused || !refreshing.tryLock()) {
                return t.value();
            }
        } else {
            RuntimeException failure = lastFailure;
            if (paused && failure != null) {
                throw failure;
            }
            refreshing.lock();
        }
        try {
            t = current;
            if (fresh(t)) {
                return t.value();
            }
            return refresh(t);
        } finally {
            refreshing.unlock();
        }
    }

    private String refresh(Token old) {
        try {
            Token t = exchange.fetch(JwtAssertion.sign(account, clock.instant()));
            current = t;
            lastFailure = null;
            return t.value();
        } catch (RuntimeException e) {
            lastFailure = e;
            pausedUntil = clock.instant().plus(RETRY_PAUSE);
            if (valid(old)) {
                return old.value();
            }
            throw e;
        }
    }

    private boolean valid(Token t) {
        return t != null && clock.instant().isBefore(t.expiresAt());
    }

    private boolean fresh(Token t) {
        return t != null && clock.instant().plus(REFRESH_BEFORE).isBefore(t.expiresAt());
    }
}
