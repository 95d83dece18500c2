package dev.tollgate.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Total CPU time of named processes (this JVM included), read from the OS, to see who burns the cores. */
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

    /** CPU nanoseconds each process used between two snapshots (-1 where unknown). */
    static Map<String, Long> delta(Snapshot before, Snapshot after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.nanos().forEach((name, end) -> {
            Long start = before.nanos().get(name);
            delta.put(name, start == null || start < 0 || end < 0 ? -1 : end - start);
        });
        return delta;
    }

    /** For each process, its thread groups' shares of its CPU between two snapshots. */
    static Map<String, String> threadShares(Snapshot before, Snapshot after) {
        Map<String, Long> used = delta(before, after);
        Map<String, String> shares = new LinkedHashMap<>();
        after.threads().forEach((name, ticks) -> shares.put(name,
                ThreadCpu.shares(before.threads().getOrDefault(name, Map.of()), ticks, used.get(name), 6)));
        return shares;
    }
}
