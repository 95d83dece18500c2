package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.RouterSettings;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One model group's share of a call: the first attempt and up to {@code num_retries} more, each on
 * a deployment the picker chooses, waiting between them as {@link RetryPolicy} says. Every attempt
 * is counted in the deployment's stats and, when it fails, toward its cooldown.
 */
final class GroupAttempts {
    /** One call to one deployment. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(Deployment deployment);
    }

    private final ModelGroups groups;
    private final DeploymentPicker picker;
    private final DeploymentStats stats;
    private final Cooldowns cooldowns;
    private final RetryPolicy retries;
    private final Sleeper sleeper;
    private final RouterSettings settings;

    GroupAttempts(ModelGroups groups, DeploymentPicker picker, DeploymentStats stats, Cooldowns cooldowns,
                  RetryPolicy retries, Sleeper sleeper, RouterSettings settings) {
        this.groups = groups;
        this.picker = picker;
        this.stats = stats;
        this.cooldowns = cooldowns;
        this.retries = retries;
        this.sleeper = sleeper;
        this.settings = settings;
    }

    <T> Routed<T> run(String model, CallContext call, CallTrace trace, Attempt<T> attempt) {
        List<Deployment> group = groups.resolve(model);
        trace.enteredGroup(model);
        int maxRetries = call.numRetries(settings);
        Map<String, GatewayException> failed = new HashMap<>(4);
        GatewayException last = null;
        for (int retry = 0; ; retry++) {
            Deployment d;
            try {
                d = picker.pick(model, group, failed.keySet(), call);
            } catch (GatewayException none) {
                throw last != null ? last : none;
            }
            GatewayException before = failed.get(d.id());
            if (before != null && !waitToRetry(retry, before, trace)) {
                throw last;
            }
            try {
                return new Routed<>(once(d, group.size(), call, trace, attempt), d, trace);
            } catch (GatewayException e) {
                if (!RetryPolicy.retryable(e) || retry >= maxRetries) {
                    throw e;
                }
                failed.put(d.id(), e);
                last = e;
            }
        }
    }

    /**
     * Whether retry number {@code retry} may go back to a deployment that failed with
     * {@code failure} in this call, after waiting as long as it must. The wait is the upstream's
     * doing, so it counts as time waited on upstreams, not as gateway overhead.
     */
    private boolean waitToRetry(int retry, GatewayException failure, CallTrace trace) {
        if (!RetryPolicy.sameDeploymentMaySucceed(failure)) {
            return false;
        }
        Duration wait = retries.backoff(retry, failure);
        if (wait == null) {
            return false;
        }
        long start = System.nanoTime();
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            trace.waitedOnUpstream(System.nanoTime() - start);
        }
    }

    private <T> T once(Deployment d, int groupSize, CallContext call, CallTrace trace, Attempt<T> attempt) {
        trace.attempting(d);
        stats.started(d);
        boolean stillOpen = false;
        long start = System.nanoTime();
        try {
            T value = attempt.run(d);
            long elapsed = System.nanoTime() - start;
            trace.waitedOnUpstream(elapsed);
            stats.latency(d, elapsed, call.stream());
            stillOpen = call.stream();
            return value;
        } catch (GatewayException e) {
            long elapsed = System.nanoTime() - start;
            trace.waitedOnUpstream(elapsed);
            if (e.kind() == ErrorKind.TIMEOUT) {
                // a deployment that times out is slow: latency-based routing should see it so
                stats.latency(d, elapsed, call.stream());
            }
            if (call.countsTowardCooldown(d)) {
                cooldowns.failed(d, e, groupSize);
            }
            throw e;
        } finally {
            if (!stillOpen) {
                stats.finished(d);
            }
        }
    }
}
