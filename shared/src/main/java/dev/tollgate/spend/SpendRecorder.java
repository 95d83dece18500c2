package dev.tollgate.spend;

import dev.tollgate.keys.Caller;
import java.math.BigDecimal;

/**
 * Adds what one call cost to its key's and team's spend, so budgets see it. Called on the request
 * path after a successful call and before the handler returns (Lambda may freeze the process
 * after). Until the usage-event pipeline (usage.recorded -> spend-aggregator) lands, the DynamoDB
 * implementation writes directly; the pipeline replaces it behind this port.
 */
@FunctionalInterface
public interface SpendRecorder {
    SpendRecorder NONE = (caller, cost) -> {
    };

    /** May throw; the caller logs the failure and answers anyway. */
    void record(Caller caller, BigDecimal cost);
}
