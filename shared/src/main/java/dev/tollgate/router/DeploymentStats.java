package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this instance knows about each deployment's load: calls in flight, requests and tokens this
 * minute, recent latencies (whole calls, and time to first chunk for streams). The strategies read
 * it; the router writes it. Fixed to the configured deployments, so it never grows.
 */
final class DeploymentStats {
    private record State(AtomicInteger inFlight, MinuteUsage usage, LatencySamples latency,
                         LatencySamples firstChunk) {
    }

    private final Map<String, State> byId = new HashMap<>();
    private final InstantSource clock;

    DeploymentStats(List<Deployment> deployments, InstantSource clock) {
        this.clock = clock;
        for (Deployment d : deployments) {
            byId.put(d.id(), new State(new AtomicInteger(), new MinuteUsage(), new LatencySamples(),
                    new LatencySamples()));
        }
    }

    void started(Deployment d) {
        State s = state(d);
        s.inFlight.incrementAndGet();
        s.usage.addRequest(clock.millis());
    }

    void finished(Deployment d) {
        state(d).inFlight.decrementAndGet();
    }

    void tokens(Deployment d, long tokens) {
        if (tokens > 0) {
            state(d).usage.addTokens(clock.millis(), tokens);
        }
    }

    /** A whole call's latency, or a stream's time to its first chunk. */
    void latency(Deployment d, long nanos, boolean firstChunk) {
        State s = state(d);
        (firstChunk ? s.firstChunk : s.latency).add(nanos, clock.millis());
    }

    int inFlight(Deployment d) {
        return state(d).inFlight.get();
    }

    long requestsThisMinute(Deployment d) {
        return state(d).usage.requests(clock.millis());
    }

    long tokensThisMinute(Deployment d) {
        return state(d).usage.tokens(clock.millis());
    }

    /** Mean recent latency in nanoseconds (time to first chunk for streams); empty without samples. */
    OptionalDouble latency(Deployment d, boolean stream, Duration window) {
        State s = state(d);
        return (stream ? s.firstChunk : s.latency).mean(clock.millis() - window.toMillis());
    }

    /** Whether one more call of about {@code promptTokens} keeps the deployment within its rpm and tpm. */
    boolean hasRoom(Deployment d, int promptTokens) {
        if (d.rpm() != null && requestsThisMinute(d) + 1 > d.rpm()) {
            return false;
        }
        return d.tpm() == null || tokensThisMinute(d) + promptTokens <= d.tpm();
    }

    long millisToNextMinute() {
        return MinuteUsage.millisToNextMinute(clock.millis());
    }

    private State state(Deployment d) {
        State s = byId.get(d.id());
        if (s == null) {
            throw new IllegalArgumentException("not a configured deployment: " + d.id());
        }
        return s;
    }
}
