package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the deployment for one attempt. Of the group it keeps those that can take the prompt
 * (with {@code enable_pre_call_checks}), are not cooling down, and are within their rpm/tpm; of
 * those it prefers the ones this call has not tried yet; the strategy picks among what is left.
 * When nothing is left it says why, as an error the fallbacks understand.
 */
final class DeploymentPicker {
    private final Cooldowns cooldowns;
    private final DeploymentStats stats;
    private final RoutingStrategy strategy;
    private final boolean preCallChecks;
    private final InstantSource clock;

    DeploymentPicker(Cooldowns cooldowns, DeploymentStats stats, RoutingStrategy strategy, boolean preCallChecks,
                     InstantSource clock) {
        this.cooldowns = cooldowns;
        this.stats = stats;
        this.strategy = strategy;
        this.preCallChecks = preCallChecks;
        this.clock = clock;
    }

    Deployment pick(String model, List<Deployment> group, Set<String> tried, CallContext call) {
        List<Deployment> fitting = preCallChecks && call.checkContext() ? fitting(model, group, call.promptTokens())
                : group;
        Map<String, Instant> cooling = cooldowns.active(fitting);
        List<Deployment> candidates = new ArrayList<>(fitting.size());
        boolean anyHealthy = false;
        for (Deployment d : fitting) {
            if (!cooling.containsKey(d.id())) {
                anyHealthy = true;
                if (stats.hasRoom(d, call.promptTokens())) {
                    candidates.add(d);
                }
            }
        }
        if (!anyHealthy) {
            throw allCoolingDown(model, cooling);
        }
        if (candidates.isEmpty()) {
            throw allAtLimit(model);
        }
        if (candidates.size() > 1 && !tried.isEmpty()) {
            List<Deployment> untried = candidates.stream().filter(d -> !tried.contains(d.id())).toList();
            if (!untried.isEmpty()) {
                candidates = untried;
            }
        }
        return strategy.pick(candidates, call.stream());
    }

    private static List<Deployment> fitting(String model, List<Deployment> group, int promptTokens) {
        List<Deployment> fit = group.stream().filter(d -> d.info().maxInputTokens() == null
                || promptTokens <= d.info().maxInputTokens()).toList();
        if (fit.isEmpty()) {
            int largest = group.stream().mapToInt(d -> d.info().maxInputTokens()).max().orElse(0);
            throw new GatewayException(ErrorKind.CONTEXT_WINDOW_EXCEEDED, "The prompt (about " + promptTokens
                    + " tokens) is longer than any deployment of model '" + model + "' takes (max_input_tokens "
                    + largest + ").", "messages");
        }
        return fit;
    }

    private GatewayException allCoolingDown(String model, Map<String, Instant> cooling) {
        Instant soonest = cooling.values().stream().min(Instant::compareTo).orElse(clock.instant());
        Duration wait = Duration.between(clock.instant(), soonest);
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "Every deployment of model '" + model
                + "' is cooling down after failures; retry in " + seconds + " s.", null,
                "all_deployments_cooling_down", wait, null);
    }

    private GatewayException allAtLimit(String model) {
        Duration wait = Duration.ofMillis(stats.millisToNextMinute());
        return new GatewayException(ErrorKind.RATE_LIMITED, "Every deployment of model '" + model
                + "' is at its rpm/tpm limit for this minute; retry in " + Math.max(1, wait.toSeconds()) + " s.",
                null, "deployment_limits_reached", wait, null);
    }
}
