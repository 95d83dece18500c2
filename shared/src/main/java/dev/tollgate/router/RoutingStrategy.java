package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.RouterSettings;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How one deployment is picked from the candidates of a model group (those not cooling down, within
 * their rpm/tpm, past the pre-call checks). One class per {@code router_settings.routing_strategy}.
 */
sealed interface RoutingStrategy permits SimpleShuffle, LeastBusy, LowestLatency, UsageBased, LowestCost {

    /** @param candidates never empty */
    Deployment pick(List<Deployment> candidates, boolean stream);

    static RoutingStrategy of(RouterSettings settings, DeploymentStats stats, RandomGenerator random) {
        return switch (settings.routingStrategy()) {
            case "least-busy" -> new LeastBusy(stats, random);
            case "latency-based-routing" -> new LowestLatency(stats, random, settings.latencyWindow(),
                    settings.latencyBuffer());
            case "usage-based-routing", "usage-based-routing-v2" -> new UsageBased(stats, random);
            case "cost-based-routing" -> new LowestCost(random);
            default -> new SimpleShuffle(random);
        };
    }

    /** The candidate with the lowest score, ties broken at random. */
    static Deployment lowest(List<Deployment> candidates, java.util.function.ToDoubleFunction<Deployment> score,
                             RandomGenerator random) {
        double best = Double.POSITIVE_INFINITY;
        Deployment chosen = null;
        int ties = 0;
        for (Deployment d : candidates) {
            double s = score.applyAsDouble(d);
            if (chosen == null || s < best) {
                best = s;
                chosen = d;
                ties = 1;
            } else if (s == best && random.nextInt(++ties) == 0) {
                chosen = d;
            }
        }
        return chosen;
    }
}
