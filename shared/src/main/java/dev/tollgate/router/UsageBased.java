package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code usage-based-routing} (and {@code -v2}): the candidate that has used the fewest tokens this
 * minute. Candidates over their rpm/tpm never get here: the router filters them for every strategy.
 */
record UsageBased(DeploymentStats stats, RandomGenerator random) implements RoutingStrategy {

    @Override
    public Deployment pick(List<Deployment> candidates, boolean stream) {
        return RoutingStrategy.lowest(candidates, stats::tokensThisMinute, random);
    }
}
