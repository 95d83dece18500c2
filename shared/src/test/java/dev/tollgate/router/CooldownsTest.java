package dev.tollgate.router;

import static dev.tollgate.router.Deployments.dep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.Deployment;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CooldownsTest {
    private final MutableClock clock = MutableClock.atMinuteStart();
    private final Deployment a = dep("a");
    private final List<Deployment> group = List.of(a, dep("b"));

    private Cooldowns cooldowns(int allowedFails) {
        return new Cooldowns(new LocalCooldowns(), clock, allowedFails, Duration.ofSeconds(5));
    }

    private static GatewayException error(ErrorKind kind) {
        return new GatewayException(kind, "boom");
    }

    @Test
    void coolsDownAfterMoreThanAllowedFailsWithinAMinute() {
        Cooldowns c = cooldowns(2);
        c.failed(a, error(ErrorKind.UPSTREAM_ERROR), 2);
        c.failed(a, error(ErrorKind.TIMEOUT), 2);
        assertEquals(Map.of(), c.active(group));

        c.failed(a, error(ErrorKind.CONNECTION), 2);

        assertEquals(Map.of("a", clock.instant().plusSeconds(5)), c.active(group));
    }

    @Test
    void forgetsFailuresOlderThanAMinute() {
        Cooldowns c = cooldowns(1);
        c.failed(a, error(ErrorKind.UPSTREAM_ERROR), 2);
        clock.advance(Duration.ofSeconds(61));
        c.failed(a, error(ErrorKind.UPSTREAM_ERROR), 2);

        assertEquals(Map.of(), c.active(group));
    }

    @Test
    void bringsTheDeploymentBackAfterCooldownTime() {
        Cooldowns c = cooldowns(0);
        c.failed(a, error(ErrorKind.UPSTREAM_ERROR), 2);
        clock.advance(Duration.ofMillis(4_999));
        assertTrue(c.active(group).containsKey("a"));

        clock.advance(Duration.ofMillis(1));

        assertEquals(Map.of(), c.active(group));
    }

    @Test
    void coolsDownAtOnceOn401And404And429() {
        for (ErrorKind kind : List.of(ErrorKind.AUTHENTICATION, ErrorKind.NOT_FOUND, ErrorKind.RATE_LIMITED)) {
            Cooldowns c = cooldowns(3);
            c.failed(a, error(kind), 2);
            assertTrue(c.active(group).containsKey("a"), kind.name());
        }
    }

    @Test
    void keepsA429OutForItsRetryAfterWhenLongerThanCooldownTime() {
        Cooldowns c = cooldowns(3);
        c.failed(a, new GatewayException(ErrorKind.RATE_LIMITED, "slow down", null, null, Duration.ofSeconds(20), null), 2);

        assertEquals(clock.instant().plusSeconds(20), c.active(group).get("a"));
    }

    @Test
    void neverCountsTheCallersOwnErrors() {
        Cooldowns c = cooldowns(0);
        c.failed(a, error(ErrorKind.INVALID_REQUEST), 2);
        c.failed(a, error(ErrorKind.CONTEXT_WINDOW_EXCEEDED), 2);
        c.failed(a, error(ErrorKind.CONTENT_POLICY), 2);

        assertEquals(Map.of(), c.active(group));
    }

    @Test
    void neverCoolsDownTheOnlyDeploymentOfAGroup() {
        Cooldowns c = cooldowns(0);
        c.failed(a, error(ErrorKind.RATE_LIMITED), 1);
        c.failed(a, error(ErrorKind.UPSTREAM_ERROR), 1);

        assertEquals(Map.of(), c.active(List.of(a)));
    }
}
