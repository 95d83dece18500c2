package dev.tollgate.router;

import dev.tollgate.config.Deployment;

/**
 * Where one call has been so far: the model groups entered, the deployments tried, the time spent
 * waiting on providers. The router fills it in as it goes, so a failed call can still say where it
 * went. Used by the one thread handling the request.
 */
public final class CallTrace {
    private String modelGroup;
    private Deployment deployment;
    private int groups;
    private int attempts;
    private int attemptsInGroup;
    private int retries;
    private long upstreamNanos;

    void enteredGroup(String model) {
        modelGroup = model;
        groups++;
        attemptsInGroup = 0;
    }

    void attempting(Deployment d) {
        deployment = d;
        attempts++;
        if (attemptsInGroup++ > 0) {
            retries++;
        }
    }

    void waitedOnUpstream(long nanos) {
        upstreamNanos += nanos;
    }

    /** The model group last entered (the one that answered, on success); null before routing. */
    public String modelGroup() {
        return modelGroup;
    }

    /** The deployment last tried (the one that answered, on success); null when none was. */
    public Deployment deployment() {
        return deployment;
    }

    /** Calls made to deployments. */
    public int attempts() {
        return attempts;
    }

    /** Attempts after the first within a model group, over all groups. */
    public int retries() {
        return retries;
    }

    /** Fallback model groups entered. */
    public int fallbacks() {
        return Math.max(0, groups - 1);
    }

    /** Time spent waiting on providers, over all attempts, and backing off between them. */
    public long upstreamNanos() {
        return upstreamNanos;
    }
}
