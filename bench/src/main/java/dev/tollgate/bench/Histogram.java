package dev.tollgate.bench;

/**
 * A log-linear latency histogram in the manner of HdrHistogram: values (nanoseconds) below 2048 are
 * counted exactly; above that, each power of two is split into 1024 equal buckets, so a reported
 * percentile is at most 0.1% above the true value. Not thread-safe: one per worker, then {@link #add}.
 */
final class Histogram {
    private static final int SUB_BITS = 10;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    /** Values up to 2^40 ns (about 18 minutes); anything longer is counted as the top bucket. */
    private static final int MAX_EXPONENT = 40;
    private static final long MAX_VALUE = (1L << MAX_EXPONENT) - 1;

    private final long[] counts = new long[(MAX_EXPONENT - SUB_BITS + 1) * SUB_COUNT];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    void record(long value) {
        long v = Math.max(0, Math.min(value, MAX_VALUE));
        counts[indexOf(v)]++;
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    void add(Histogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    long count() {
        return count;
    }

    long max() {
        return max;
    }

    long min() {
        return count == 0 ? 0 : min;
    }

    double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The smallest recorded value v such that at least {@code percentile}% of values are ≤ v, reported
     * as the top of its bucket (never below the truth, at most 0.1% above), capped at the exact max.
     */
    long percentile(double percentile) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * count));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestEquivalent(i), max);
            }
        }
        return max;
    }

    static int indexOf(long v) {
        if (v < 2L * SUB_COUNT) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int shift = exponent - SUB_BITS;
        return ((shift + 1) << SUB_BITS) + (int) ((v >>> shift) - SUB_COUNT);
    }

    static long highestEquivalent(int index) {
        if (index < 2 * SUB_COUNT) {
            return index;
        }
        int shift = (index >>> SUB_BITS) - 1;
        long sub = (index & (SUB_COUNT - 1)) + SUB_COUNT;
        return ((sub + 1) << shift) - 1;
    }
}
