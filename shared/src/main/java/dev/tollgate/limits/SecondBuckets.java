package dev.tollgate.limits;

/** A sliding minute of counts in one-second buckets (a ring of {@value Verdicts#WINDOW_BUCKETS}). Not thread-safe. */
final class SecondBuckets {
    private final long[] seconds = new long[Verdicts.WINDOW_BUCKETS];
    private final long[] counts = new long[Verdicts.WINDOW_BUCKETS];

    void add(long second, long amount) {
        int i = (int) Math.floorMod(second, (long) Verdicts.WINDOW_BUCKETS);
        if (seconds[i] != second) {
            seconds[i] = second;
            counts[i] = 0;
        }
        counts[i] += amount;
    }

    /** {sum, oldest second, newest second} of the buckets still in the window at {@code now}. */
    long[] window(long now) {
        long sum = 0;
        long oldest = -1;
        long newest = -1;
        for (int i = 0; i < seconds.length; i++) {
            if (counts[i] > 0 && now - seconds[i] < Verdicts.WINDOW_BUCKETS && seconds[i] <= now) {
                sum += counts[i];
                oldest = oldest < 0 ? seconds[i] : Math.min(oldest, seconds[i]);
                newest = Math.max(newest, seconds[i]);
            }
        }
        return new long[] {sum, oldest, newest};
    }
}
