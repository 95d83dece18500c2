package dev.tollgate.router;

import java.util.OptionalDouble;

/** The last few latencies of one deployment, with when each was taken; older ones roll off. */
final class LatencySamples {
    static final int SIZE = 10;
    private final long[] nanos = new long[SIZE];
    private final long[] atMillis = new long[SIZE];
    private int count;
    private int next;

    synchronized void add(long latencyNanos, long nowMillis) {
        nanos[next] = latencyNanos;
        atMillis[next] = nowMillis;
        next = (next + 1) % SIZE;
        count = Math.min(count + 1, SIZE);
    }

    /** The mean of the samples taken since {@code sinceMillis}; empty when there are none. */
    synchronized OptionalDouble mean(long sinceMillis) {
        long sum = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (atMillis[i] >= sinceMillis) {
                sum += nanos[i];
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) sum / n);
    }
}
