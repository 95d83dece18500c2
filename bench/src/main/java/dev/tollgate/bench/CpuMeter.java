package dev.tollgate.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU time of named processes (this JVM, "client", included), read from the OS, to see who burns the cores. */
final class CpuMeter {
    /** Process CPU nanoseconds by name, and for each process its per-thread-group ticks. */
    record Snapshot(Map<String, Long> nanos, Map<String, Map<String, Long>> threads) {
    }

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

    CpuMeter() {
        processes.put("client", ProcessHandle.current());
    }

    void add(String name, ProcessHandle process) {
        processes.put(name, process);
    }

    Snapshot snapshot() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        Map<String, Map<String, Long>> threads = new LinkedHashMap<>();
        processes.forEach((name, handle) -> {
            threads.put(name, ThreadCpu.snapshot(handle.pid()));
            nanos.put(name, handle.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L));
        });
        return new Snapshot(nanos, threads);
    }

    /** What each process used between two snapshots. */
    static CpuUsage between(Snapshot before, Snapshot after) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        Map<String, Map<String, Long>> ticks = new LinkedHashMap<>();
        after.nanos().forEach((name, end) -> {
            Long start = before.nanos().get(name);
            nanos.put(name, start == null || start < 0 || end < 0 ? -1 : end - start);
            Map<String, Long> was = before.threads().getOrDefault(name, Map.of());
            Map<String, Long> delta = new LinkedHashMap<>();
            after.threads().getOrDefault(name, Map.of()).forEach((group, t) ->
                    delta.put(group, t - was.getOrDefault(group, 0L)));
            ticks.put(name, delta);
        });
        return new CpuUsage(nanos, ticks);
    }
}
