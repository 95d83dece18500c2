package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import java.util.List;
import java.util.random.RandomGenerator;

/** {@code least-busy}: the candidate with the fewest calls in flight on this instance. */
record LeastBusy(DeploymentStats stats, RandomGenerator random) implements RoutingStrategy {

    @Override
    public Deployment pick(List<Deployment> candidates, boolean stream) {
        return RoutingStrategy.lowest(candidates, stats::inFlight, random);
    }
}
