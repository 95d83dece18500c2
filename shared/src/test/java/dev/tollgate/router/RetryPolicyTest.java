package dev.tollgate.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final GatewayException SERVER_ERROR = new GatewayException(ErrorKind.UPSTREAM_ERROR, "boom");

    private static GatewayException rateLimited(Duration retryAfter) {
        return new GatewayException(ErrorKind.RATE_LIMITED, "slow down", null, null, retryAfter, null);
    }

    @Test
    void backsOffExponentiallyWithJitterUpToACap() {
        RetryPolicy p = new RetryPolicy(Duration.ZERO, new Random(7));
        long[] ceilings = {500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000};
        for (int i = 0; i < 1_000; i++) {
            for (int retry = 1; retry <= ceilings.length; retry++) {
                long wait = p.backoff(retry, SERVER_ERROR).toMillis();
                long ceiling = ceilings[retry - 1];
                assertTrue(wait >= ceiling / 2 && wait <= ceiling, "retry " + retry + " waited " + wait);
            }
        }
    }

    @Test
    void waitsAtLeastWhatTheUpstreamAsked() {
        RetryPolicy p = new RetryPolicy(Duration.ZERO, new Random(7));

        assertEquals(Duration.ofSeconds(3), p.backoff(1, rateLimited(Duration.ofSeconds(3))));
    }

    @Test
    void waitsAtLeastTheConfiguredRetryAfter() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(2), new Random(7));

        assertEquals(Duration.ofSeconds(2), p.backoff(1, SERVER_ERROR));
    }

    @Test
    void givesUpRatherThanWaitLongerThanTheBound() {
        RetryPolicy p = new RetryPolicy(Duration.ZERO, new Random(7));

        assertNull(p.backoff(1, rateLimited(RetryPolicy.MAX_WAIT.plusSeconds(1))));
    }

    @Test
    void retriesOnlyWhatAnotherAttemptCouldSurvive() {
        for (ErrorKind k : ErrorKind.values()) {
            assertEquals(k.mayRetry(), RetryPolicy.retryable(new GatewayException(k, "x")), k.name());
        }
        assertFalse(RetryPolicy.retryable(new GatewayException(ErrorKind.INVALID_REQUEST, "bad")));
        assertTrue(RetryPolicy.sameDeploymentMaySucceed(rateLimited(null)));
        assertTrue(RetryPolicy.sameDeploymentMaySucceed(new GatewayException(ErrorKind.TIMEOUT, "slow")));
        assertTrue(RetryPolicy.sameDeploymentMaySucceed(new GatewayException(ErrorKind.CONNECTION, "reset")));
        assertFalse(RetryPolicy.sameDeploymentMaySucceed(new GatewayException(ErrorKind.AUTHENTICATION, "key")));
        assertFalse(RetryPolicy.sameDeploymentMaySucceed(new GatewayException(ErrorKind.NOT_FOUND, "model")));
    }
}
