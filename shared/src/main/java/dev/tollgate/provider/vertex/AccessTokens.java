package dev.tollgate.provider.vertex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The access token of one service account, cached until {@link #REFRESH_BEFORE} before it expires.
 * One refresh at a time: callers that find the token stale wait for the refresh already running
 * instead of starting their own. A failed refresh while the old token is still valid keeps the old one.
 */
final class AccessTokens {
    static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);

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
        refreshing.lock();
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
            return t.value();
        } catch (RuntimeException e) {
            if (old != null && clock.instant().isBefore(old.expiresAt())) {
                return old.value();
            }
            throw e;
        }
    }

    private boolean fresh(Token t) {
        return t != null && clock.instant().plus(REFRESH_BEFORE).isBefore(t.expiresAt());
    }
}
