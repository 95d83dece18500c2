package dev.tollgate.router;

import static dev.tollgate.router.Deployments.dep;
import static dev.tollgate.router.Deployments.priced;
import static dev.tollgate.router.Deployments.tally;
import static dev.tollgate.router.Deployments.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.Deployment;
import dev.tollgate.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each strategy over 1,000 simulated calls, with a seeded random source and a clock that stands still. */
class RoutingStrategyTest {
    private static final int CALLS = 1_000;
    private final MutableClock clock = MutableClock.atMinuteStart();
    private final Random random = new Random(42);

    private static void assertAbout(int expected, Integer actual, int tolerance) {
        int a = actual == null ? 0 : actual;
        assertTrue(Math.abs(a - expected) <= tolerance, "expected about " + expected + " (+-" + tolerance + "), got " + a);
    }

    private DeploymentStats stats(List<Deployment> deployments) {
        return new DeploymentStats(deployments, clock);
    }

    @Test
    void simpleShuffleSplitsByWeight() {
        List<Deployment> group = List.of(weighted("a", null, null, 1.0), weighted("b", null, null, 3.0));
        SimpleShuffle s = new SimpleShuffle(random);

        Map<String, Integer> counts = tally(CALLS, () -> s.pick(group, false));

        assertAbout(250, counts.get("a"), 50);
        assertAbout(750, counts.get("b"), 50);
    }

    @Test
    void simpleShuffleWeighsByRpmWhenNoWeightIsSet() {
        List<Deployment> group = List.of(weighted("a", 100, 1, null), weighted("b", 900, 1_000_000, null));
        SimpleShuffle s = new SimpleShuffle(random);

        Map<String, Integer> counts = tally(CALLS, () -> s.pick(group, false));

        assertAbout(100, counts.get("a"), 35);
        assertAbout(900, counts.get("b"), 35);
    }

    @Test
    void simpleShuffleWeighsByTpmWhenNeitherWeightNorRpmIsSet() {
        List<Deployment> group = List.of(weighted("a", null, 1_000, null), weighted("b", null, 1_000, null),
                weighted("c", null, 2_000, null));
        SimpleShuffle s = new SimpleShuffle(random);

        Map<String, Integer> counts = tally(CALLS, () -> s.pick(group, false));

        assertAbout(250, counts.get("a"), 50);
        assertAbout(250, counts.get("b"), 50);
        assertAbout(500, counts.get("c"), 50);
    }

    @Test
    void simpleShuffleIsUniformWithoutWeights() {
        List<Deployment> group = Deployments.ids("a", "b", "c", "d");
        SimpleShuffle s = new SimpleShuffle(random);

        Map<String, Integer> counts = tally(CALLS, () -> s.pick(group, false));

        for (String id : List.of("a", "b", "c", "d")) {
            assertAbout(250, counts.get(id), 50);
        }
    }

    @Test
    void simpleShuffleNeverPicksAnUnweightedDeploymentBesideWeightedOnes() {
        List<Deployment> group = List.of(weighted("a", null, null, 2.0), dep("b"));

        Map<String, Integer> counts = tally(CALLS, () -> new SimpleShuffle(random).pick(group, false));

        assertEquals(Map.of("a", CALLS), counts);
    }

    @Test
    void leastBusyKeepsCallsInFlightEven() {
        List<Deployment> group = Deployments.ids("a", "b", "c");
        DeploymentStats stats = stats(group);
        LeastBusy s = new LeastBusy(stats, random);
        stats.started(group.get(0));
        stats.started(group.get(0));

        Map<String, Integer> counts = tally(CALLS, () -> {
            Deployment d = s.pick(group, false);
            stats.started(d);
            return d;
        });

        // a starts two calls ahead; from then on every pick levels the three
        assertEquals(332, counts.get("a"));
        assertEquals(334, counts.get("b"));
        assertEquals(334, counts.get("c"));
    }

    @Test
    void leastBusyPrefersTheDeploymentWhoseCallsFinish() {
        List<Deployment> group = Deployments.ids("fast", "slow");
        DeploymentStats stats = stats(group);
        LeastBusy s = new LeastBusy(stats, random);

        Map<String, Integer> counts = tally(CALLS, () -> {
            Deployment d = s.pick(group, false);
            stats.started(d);
            if (d.id().equals("fast")) {
                stats.finished(d);
            }
            return d;
        });

        assertEquals(1, counts.get("slow"), "slow never finishes, so it takes one call and no more");
        assertEquals(CALLS - 1, counts.get("fast"));
    }

    @Test
    void latencyBasedPicksTheFastestOnceEachIsMeasured() {
        List<Deployment> group = Deployments.ids("a", "b");
        DeploymentStats stats = stats(group);
        LowestLatency s = new LowestLatency(stats, random, Duration.ofHours(1), 0);
        stats.latency(group.get(0), 300_000_000, false);
        stats.latency(group.get(1), 100_000_000, false);

        assertEquals(Map.of("b", CALLS), tally(CALLS, () -> s.pick(group, false)));
    }

    @Test
    void latencyBasedTriesUnmeasuredDeploymentsFirst() {
        List<Deployment> group = Deployments.ids("a", "b");
        DeploymentStats stats = stats(group);
        stats.latency(group.get(1), 100_000_000, false);

        assertEquals("a", new LowestLatency(stats, random, Duration.ofHours(1), 0).pick(group, false).id());
    }

    @Test
    void latencyBasedSpreadsAcrossDeploymentsWithinTheBuffer() {
        List<Deployment> group = Deployments.ids("a", "b", "c");
        DeploymentStats stats = stats(group);
        stats.latency(group.get(0), 100_000_000, false);
        stats.latency(group.get(1), 140_000_000, false);
        stats.latency(group.get(2), 400_000_000, false);
        LowestLatency s = new LowestLatency(stats, random, Duration.ofHours(1), 0.5);

        Map<String, Integer> counts = tally(CALLS, () -> s.pick(group, false));

        assertAbout(500, counts.get("a"), 50);
        assertAbout(500, counts.get("b"), 50);
        assertEquals(null, counts.get("c"));
    }

    @Test
    void latencyBasedRanksStreamsByTimeToFirstChunk() {
        List<Deployment> group = Deployments.ids("quickStart", "quickFinish");
        DeploymentStats stats = stats(group);
        stats.latency(group.get(0), 900_000_000, false);
        stats.latency(group.get(0), 50_000_000, true);
        stats.latency(group.get(1), 300_000_000, false);
        stats.latency(group.get(1), 250_000_000, true);
        LowestLatency s = new LowestLatency(stats, random, Duration.ofHours(1), 0);

        assertEquals(Map.of("quickStart", CALLS), tally(CALLS, () -> s.pick(group, true)));
        assertEquals(Map.of("quickFinish", CALLS), tally(CALLS, () -> s.pick(group, false)));
    }

    @Test
    void latencyBasedForgetsSamplesOlderThanTheWindow() {
        List<Deployment> group = Deployments.ids("a", "b");
        DeploymentStats stats = stats(group);
        stats.latency(group.get(0), 900_000_000, false);
        clock.advance(Duration.ofSeconds(20));
        stats.latency(group.get(0), 100_000_000, false);
        stats.latency(group.get(1), 200_000_000, false);
        LowestLatency s = new LowestLatency(stats, random, Duration.ofSeconds(10), 0);

        assertEquals(Map.of("a", CALLS), tally(CALLS, () -> s.pick(group, false)));
    }

    @Test
    void usageBasedLevelsTokensUsedThisMinute() {
        List<Deployment> group = Deployments.ids("a", "b");
        DeploymentStats stats = stats(group);
        stats.tokens(group.get(0), 5_000);
        UsageBased s = new UsageBased(stats, random);

        Map<String, Integer> counts = tally(CALLS, () -> {
            Deployment d = s.pick(group, false);
            stats.tokens(d, 10);
            return d;
        });

        // b catches up on a's 5,000 tokens (500 calls), then they alternate
        assertEquals(250, counts.get("a"));
        assertEquals(750, counts.get("b"));
    }

    @Test
    void usageBasedStartsAfreshEachMinute() {
        List<Deployment> group = Deployments.ids("a", "b");
        DeploymentStats stats = stats(group);
        stats.tokens(group.get(1), 5_000);
        clock.advance(Duration.ofMinutes(1));
        stats.tokens(group.get(0), 10);

        assertEquals("b", new UsageBased(stats, random).pick(group, false).id());
    }

    @Test
    void costBasedPicksTheCheapestAndSplitsTies() {
        List<Deployment> group = List.of(priced("dear", "0.00001", "0.00003"), priced("cheap1", "0.000001", "0.000002"),
                priced("cheap2", "0.0000015", "0.0000015"), Deployments.unpriced("unpriced"));
        LowestCost s = new LowestCost(random);

        Map<String, Integer> counts = tally(CALLS, () -> s.pick(group, false));

        assertAbout(500, counts.get("cheap1"), 50);
        assertAbout(500, counts.get("cheap2"), 50);
        assertEquals(2, counts.size());
    }

    @Test
    void costBasedTakesAnUnpricedDeploymentOnlyWhenNoneHasAPrice() {
        List<Deployment> group = List.of(Deployments.unpriced("x"), Deployments.unpriced("y"));

        Map<String, Integer> counts = tally(CALLS, () -> new LowestCost(random).pick(group, false));

        assertAbout(500, counts.get("x"), 50);
    }
}
