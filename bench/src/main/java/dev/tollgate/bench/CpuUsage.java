package dev.tollgate.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU each process used over a measured window: total nanoseconds (-1 where unknown) and clock
 * ticks per thread-name group ({@link ThreadCpu}). Windows of several slices add up.
 */
record CpuUsage(Map<String, Long> nanos, Map<String, Map<String, Long>> threadTicks) {
    static final CpuUsage NONE = new CpuUsage(Map.of(), Map.of());

    long nanos(String process) {
        return nanos.getOrDefault(process, -1L);
    }

    CpuUsage plus(CpuUsage other) {
        Map<String, Long> n = new LinkedHashMap<>(nanos);
        other.nanos.forEach((p, v) -> n.merge(p, v, (a, b) -> a < 0 || b < 0 ? -1 : a + b));
        Map<String, Map<String, Long>> t = new LinkedHashMap<>();
        threadTicks.forEach((p, m) -> t.put(p, new LinkedHashMap<>(m)));
        other.threadTicks.forEach((p, m) -> m.forEach((g, v) ->
                t.computeIfAbsent(p, k -> new LinkedHashMap<>()).merge(g, v, Long::sum)));
        return new CpuUsage(n, t);
    }

    /** Which of a process's threads used its CPU, largest first; empty when unknown. */
    String shares(String process, int top) {
        return ThreadCpu.shares(threadTicks.getOrDefault(process, Map.of()), nanos(process), top);
    }
}
