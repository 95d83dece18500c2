package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * {@code simple-shuffle}, LiteLLM's default: random, weighted by {@code weight} when any candidate
 * sets one, else by {@code rpm}, else by {@code tpm}, else uniform. Under a weighting, a candidate
 * that does not set the field weighs 0, as in LiteLLM; when every weight is 0 the pick is uniform.
 */
record SimpleShuffle(RandomGenerator random) implements RoutingStrategy {

    @Override
    public Deployment pick(List<Deployment> candidates, boolean stream) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        ToDoubleFunction<Deployment> weight = weighting(candidates);
        double total = 0;
        for (Deployment d : candidates) {
            total += weight.applyAsDouble(d);
        }
        if (total <= 0) {
            return candidates.get(random.nextInt(candidates.size()));
        }
        double point = random.nextDouble(total);
        for (Deployment d : candidates) {
            point -= weight.applyAsDouble(d);
            if (point < 0) {
                return d;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    private static ToDoubleFunction<Deployment> weighting(List<Deployment> candidates) {
        if (candidates.stream().anyMatch(d -> d.weight() != null)) {
            return d -> d.weight() == null ? 0 : d.weight();
        }
        if (candidates.stream().anyMatch(d -> d.rpm() != null)) {
            return d -> d.rpm() == null ? 0 : d.rpm();
        }
        if (candidates.stream().anyMatch(d -> d.tpm() != null)) {
            return d -> d.tpm() == null ? 0 : d.tpm();
        }
        return d -> 1;
    }
}
