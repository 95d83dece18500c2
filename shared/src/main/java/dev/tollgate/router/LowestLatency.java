package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * {@code latency-based-routing}: the candidate with the lowest mean latency over its last
 * {@value LatencySamples#SIZE} calls within {@code routing_strategy_args.ttl}; for streams, the
 * time to the first chunk. A candidate without samples is tried first, so every deployment gets
 * measured. With {@code lowest_latency_buffer} b, any candidate within (1 + b) times the lowest
 * is picked at random, which spreads load across deployments that are about as fast.
 */
record LowestLatency(DeploymentStats stats, RandomGenerator random, Duration window, double buffer)
        implements RoutingStrategy {

    @Override
    public Deployment pick(List<Deployment> candidates, boolean stream) {
        List<Deployment> unmeasured = new ArrayList<>();
        double lowest = Double.POSITIVE_INFINITY;
        double[] means = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            OptionalDouble mean = stats.latency(candidates.get(i), stream, window);
            if (mean.isEmpty()) {
                unmeasured.add(candidates.get(i));
            } else {
                means[i] = mean.getAsDouble();
                lowest = Math.min(lowest, means[i]);
            }
        }
        if (!unmeasured.isEmpty()) {
            return unmeasured.get(random.nextInt(unmeasured.size()));
        }
        List<Deployment> near = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (means[i] <= lowest * (1 + buffer)) {
                near.add(candidates.get(i));
            }
        }
        return near.get(random.nextInt(near.size()));
    }
}
