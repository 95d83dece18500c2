package dev.tollgate.spend;

import dev.tollgate.config.Deployment;
import java.math.BigDecimal;

/**
 * A call's cost in USD: prompt tokens at the deployment's {@code model_info.input_cost_per_token}
 * plus completion tokens at {@code output_cost_per_token}. A deployment without a price costs 0,
 * so its calls never move a budget: price every deployment that budgets should see.
 */
public final class Pricing {
    private Pricing() {
    }

    public static BigDecimal cost(Deployment d, long promptTokens, long completionTokens) {
        BigDecimal in = d.info().inputCostPerToken();
        BigDecimal out = d.info().outputCostPerToken();
        BigDecimal cost = BigDecimal.ZERO;
        if (in != null && promptTokens > 0) {
            cost = cost.add(in.multiply(BigDecimal.valueOf(promptTokens)));
        }
        if (out != null && completionTokens > 0) {
            cost = cost.add(out.multiply(BigDecimal.valueOf(completionTokens)));
        }
        return cost;
    }
}
