package dev.tollgate.spend;

import dev.tollgate.config.Deployment;
import dev.tollgate.keys.Caller;
import dev.tollgate.keys.KeyCache;
import java.math.BigDecimal;
import java.time.Clock;

/**
 * Prices a finished call, records it through the {@link SpendRecorder} and adds it to the cached
 * key and team at once, so this instance's next budget check sees it. A failure to record is
 * logged, never passed on: the caller already has an answer. Calls by the master key, and calls
 * that cost nothing, record nothing.
 */
public final class SpendAccounting {
    private static final System.Logger LOG = System.getLogger("tollgate.spend");

    private final SpendRecorder recorder;
    private final KeyCache cache;
    private final Clock clock;

    public SpendAccounting(SpendRecorder recorder, KeyCache cache, Clock clock) {
        this.recorder = recorder;
        this.cache = cache;
        this.clock = clock;
    }

    public void record(Caller caller, Deployment deployment, long promptTokens, long completionTokens) {
        if (caller.unrestricted()) {
            return;
        }
        BigDecimal cost = Pricing.cost(deployment, promptTokens, completionTokens);
        if (cost.signum() <= 0) {
            return;
        }
        cache.addSpend(caller.key().tokenHash(), caller.key().teamId(), cost, clock.instant());
        try {
            recorder.record(caller, cost);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "spend of " + cost.toPlainString() + " USD for "
                    + caller.key().keyName() + " not recorded", e);
        }
    }
}
