package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import java.math.BigDecimal;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code cost-based-routing}: the cheapest candidate by {@code model_info} input plus output price
 * per token. A candidate without a price is taken only when none has one.
 */
record LowestCost(RandomGenerator random) implements RoutingStrategy {

    @Override
    public Deployment pick(List<Deployment> candidates, boolean stream) {
        return RoutingStrategy.lowest(candidates, LowestCost::pricePerToken, random);
    }

    static double pricePerToken(Deployment d) {
        BigDecimal in = d.info().inputCostPerToken();
        BigDecimal out = d.info().outputCostPerToken();
        if (in == null && out == null) {
            return Double.POSITIVE_INFINITY;
        }
        return (in == null ? BigDecimal.ZERO : in).add(out == null ? BigDecimal.ZERO : out).doubleValue();
    }
}
