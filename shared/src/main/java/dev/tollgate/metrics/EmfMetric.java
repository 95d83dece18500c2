package dev.tollgate.metrics;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A count that is reported as a CloudWatch metric through the Embedded Metric Format: one JSON log
 * line, which Lambda's log pipeline turns into a metric without an API call. Occurrences are summed
 * and written at most once per interval, so a burst costs one line, not one per request.
 */
public final class EmfMetric {
    public static final String NAMESPACE = "Tollgate";
    private static final long DEFAULT_INTERVAL_MILLIS = 10_000;

    private final String name;
    private final PrintStream out;
    private final LongSupplier nowMillis;
    private final long intervalMillis;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong lastWrite = new AtomicLong(Long.MIN_VALUE / 2);

    public EmfMetric(String name) {
        this(name, System.out, Clock.systemUTC()::millis, DEFAULT_INTERVAL_MILLIS);
    }

    EmfMetric(String name, PrintStream out, LongSupplier nowMillis, long intervalMillis) {
        if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("metric name must be alphanumeric: " + name);
        }
        this.name = name;
        this.out = out;
        this.nowMillis = nowMillis;
        this.intervalMillis = intervalMillis;
    }

    /** Counts one occurrence; writes the sum so far when the interval has passed since the last line. */
    public void increment() {
        pending.incrementAndGet();
        total.incrementAndGet();
        long now = nowMillis.getAsLong();
        long last = lastWrite.get();
        if (now - last >= intervalMillis && lastWrite.compareAndSet(last, now)) {
            long count = pending.getAndSet(0);
            if (count > 0) {
                out.println(line(now, count));
            }
        }
    }

    /** Occurrences since start-up. */
    public long total() {
        return total.get();
    }

    String line(long timestampMillis, long count) {
        return "{\"_aws\":{\"Timestamp\":" + timestampMillis + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + NAMESPACE + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"" + name
                + "\",\"Unit\":\"Count\"}]}]},\"" + name + "\":" + count + "}";
    }
}
