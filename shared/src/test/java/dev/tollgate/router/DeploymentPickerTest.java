package dev.tollgate.router;

import static dev.tollgate.router.Deployments.dep;
import static dev.tollgate.router.Deployments.tally;
import static dev.tollgate.router.Deployments.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.Deployment;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.testing.MutableClock;
import dev.tollgate.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentPickerTest {
    private final MutableClock clock = MutableClock.atMinuteStart();
    private final LocalCooldowns store = new LocalCooldowns();

    private static CallContext call(int promptTokens) {
        return new CallContext(CallOptions.of("r"), CallOverrides.FromBody.NONE, promptTokens, true, false);
    }

    private DeploymentPicker picker(List<Deployment> group, DeploymentStats stats, boolean preCallChecks) {
        Cooldowns cooldowns = new Cooldowns(store, clock, 3, Duration.ofSeconds(5));
        return new DeploymentPicker(cooldowns, stats, new SimpleShuffle(new Random(1)), preCallChecks, clock);
    }

    @Test
    void skipsDeploymentsCoolingDown() {
        List<Deployment> group = Deployments.ids("a", "b", "c");
        store.put("a", clock.instant(), Duration.ofSeconds(5));
        DeploymentPicker p = picker(group, new DeploymentStats(group, clock), false);

        Map<String, Integer> counts = tally(1_000, () -> p.pick("m", group, Set.of(), call(10)));

        assertEquals(Set.of("b", "c"), counts.keySet());
    }

    @Test
    void answers503SayingWhenToRetryWhenEveryDeploymentIsCoolingDown() {
        List<Deployment> group = Deployments.ids("a", "b");
        store.put("a", clock.instant(), Duration.ofSeconds(5));
        store.put("b", clock.instant(), Duration.ofMillis(2_500));
        DeploymentPicker p = picker(group, new DeploymentStats(group, clock), false);

        GatewayException e = assertThrows(GatewayException.class, () -> p.pick("m", group, Set.of(), call(10)));

        assertEquals(503, e.status());
        assertEquals(Duration.ofMillis(2_500), e.retryAfter());
        assertTrue(e.getMessage().contains("retry in 3 s"), e.getMessage());
    }

    @Test
    void skipsDeploymentsOverTheirRpm() {
        List<Deployment> group = List.of(weighted("a", 2, null, null), weighted("b", 1000, null, null));
        DeploymentStats stats = new DeploymentStats(group, clock);
        DeploymentPicker p = picker(group, stats, false);

        Map<String, Integer> counts = tally(1_000, () -> {
            Deployment d = p.pick("m", group, Set.of(), call(10));
            stats.started(d);
            return d;
        });

        assertEquals(2, counts.get("a"));
        assertEquals(998, counts.get("b"));
    }

    @Test
    void skipsDeploymentsWhoseTpmTheCallWouldExceed() {
        List<Deployment> group = List.of(weighted("a", null, 1_000, 100.0), weighted("b", null, 100_000, 1.0));
        DeploymentStats stats = new DeploymentStats(group, clock);
        stats.tokens(group.get(0), 950);
        DeploymentPicker p = picker(group, stats, false);

        assertEquals("b", p.pick("m", group, Set.of(), call(100)).id());
    }

    @Test
    void answers429UntilTheNextMinuteWhenEveryDeploymentIsAtItsLimit() {
        List<Deployment> group = List.of(weighted("a", 1, null, null));
        DeploymentStats stats = new DeploymentStats(group, clock);
        stats.started(group.get(0));
        DeploymentPicker p = picker(group, stats, false);

        GatewayException e = assertThrows(GatewayException.class, () -> p.pick("m", group, Set.of(), call(1)));

        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(60), e.retryAfter());
        clock.advance(Duration.ofSeconds(60));
        assertEquals("a", p.pick("m", group, Set.of(), call(1)).id());
    }

    @Test
    void prefersDeploymentsThisCallHasNotTried() {
        List<Deployment> group = Deployments.ids("a", "b", "c");
        DeploymentPicker p = picker(group, new DeploymentStats(group, clock), false);

        assertEquals(Map.of("c", 1_000), tally(1_000, () -> p.pick("m", group, Set.of("a", "b"), call(1))));
        assertTrue(Set.of("a", "b", "c").contains(p.pick("m", group, Set.of("a", "b", "c"), call(1)).id()));
    }

    @Test
    void preCallChecksSkipDeploymentsThePromptWouldOverflow() {
        Deployment small = TestConfigs.withInfo(dep("small"), "small", null, null, 100);
        Deployment large = TestConfigs.withInfo(dep("large"), "large", null, null, 10_000);
        List<Deployment> group = List.of(small, large);
        DeploymentPicker p = picker(group, new DeploymentStats(group, clock), true);

        assertEquals(Map.of("large", 1_000), tally(1_000, () -> p.pick("m", group, Set.of(), call(500))));
        GatewayException e = assertThrows(GatewayException.class, () -> p.pick("m", group, Set.of(), call(20_000)));
        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED, e.kind());
    }

    @Test
    void ignoresMaxInputTokensWithoutPreCallChecks() {
        Deployment small = TestConfigs.withInfo(dep("small"), "small", null, null, 100);
        List<Deployment> group = List.of(small);

        assertEquals("small", picker(group, new DeploymentStats(group, clock), false)
                .pick("m", group, Set.of(), call(20_000)).id());
    }
}
