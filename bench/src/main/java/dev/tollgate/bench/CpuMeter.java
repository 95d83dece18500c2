package dev.tollgate.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Total CPU time of named processes (this JVM included), read from the OS, to see who burns the cores. */
final class CpuMeter {
    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

    CpuMeter() {
        processes.put("client", ProcessHandle.current());
    }

    void add(String name, ProcessHandle process) {
        processes.put(name, process);
    }

    void remove(String name) {
        processes.remove(name);
    }

    Map<String, Long> snapshot() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        processes.forEach((name, handle) -> nanos.put(name,
                handle.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L)));
        return nanos;
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((name, end) -> {
            Long start = before.get(name);
            delta.put(name, start == null || start < 0 || end < 0 ? -1 : end - start);
        });
        return delta;
    }
}
