package dev.tollgate.router;

import dev.tollgate.config.Deployment;

/** A call's outcome with where it landed, and the trace of how it got there. */
public record Routed<T>(T value, Deployment deployment, CallTrace trace) {

    /** Calls made to deployments, this one included. */
    public int attempts() {
        return trace.attempts();
    }

    /** Time spent waiting on providers, over all attempts. */
    public long upstreamNanos() {
        return trace.upstreamNanos();
    }
}
