package dev.tollgate.completion;

import dev.tollgate.config.Deployment;
import dev.tollgate.keys.Caller;
import dev.tollgate.limits.RateLimiter;
import dev.tollgate.router.CallOptions;
import dev.tollgate.router.TenantCredentials;
import dev.tollgate.spend.SpendAccounting;
import java.util.function.Predicate;

/**
 * One admitted call: its place in the limits and whose credentials it carries. {@link #finish}
 * once the answer is known (before its last byte leaves, so it happens before Lambda can freeze);
 * {@link #close} frees the slot of a call that failed.
 */
final class GatedCall implements AutoCloseable {
    private final Caller caller;
    private final RateLimiter.Lease lease;
    private final TenantCredentials credentials;
    private final Predicate<String> modelAllowed;
    private final SpendAccounting spend;
    private boolean done;

    GatedCall(Caller caller, RateLimiter.Lease lease, TenantCredentials credentials, Predicate<String> modelAllowed,
              SpendAccounting spend) {
        this.caller = caller;
        this.lease = lease;
        this.credentials = credentials;
        this.modelAllowed = modelAllowed;
        this.spend = spend;
    }

    /** The caller's routing options with this caller's provider credentials and model access (for fallbacks). */
    CallOptions options(CallOptions requested) {
        return requested.forCaller(credentials, modelAllowed);
    }

    /** Counts the tokens, frees the slot and records the spend; only the first finish or close counts. */
    void finish(Deployment deployment, long promptTokens, long completionTokens) {
        if (done) {
            return;
        }
        done = true;
        try {
            lease.release(promptTokens + completionTokens);
        } finally {
            spend.record(caller, deployment, promptTokens, completionTokens);
        }
    }

    @Override
    public void close() {
        if (!done) {
            done = true;
            lease.release(0);
        }
    }
}
