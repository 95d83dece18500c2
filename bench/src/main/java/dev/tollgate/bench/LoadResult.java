package dev.tollgate.bench;

import java.util.Map;

/**
 * What one run measured, over its measured window only (warm-up excluded). {@code total} is the
 * time from writing the request to reading the response's last byte; {@code firstByte} the time to
 * its first body byte (for a stream: the first event); {@code lag} how late each request started
 * against the open-loop schedule (all zero in closed loop). {@code cpuNanos}: CPU used per process
 * during the window; {@code threadShares}: per process, which of its threads used it.
 */
record LoadResult(LoadSpec spec, Histogram total, Histogram firstByte, Histogram lag, long ok, long errors,
                  double seconds, String firstError, Map<String, Long> cpuNanos, Map<String, String> threadShares) {

    double achievedRps() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    /** CPU microseconds per successful request for one process, or -1 if unknown. */
    double cpuMicrosPerRequest(String process) {
        Long nanos = cpuNanos.get(process);
        return nanos == null || nanos < 0 || ok == 0 ? -1 : nanos / 1000.0 / ok;
    }
}
