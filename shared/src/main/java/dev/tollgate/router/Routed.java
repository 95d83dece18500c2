package dev.tollgate.router;

import dev.tollgate.config.Deployment;

/**
 * A call's outcome with where it landed.
 *
 * @param attempts      calls made to deployments, this one included
 * @param upstreamNanos time spent waiting on providers, over all attempts
 */
public record Routed<T>(T value, Deployment deployment, int attempts, long upstreamNanos) {
}
