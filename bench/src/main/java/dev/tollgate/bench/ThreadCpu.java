package dev.tollgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of one process's threads, grouped by thread name with numbers blanked (so all
 * {@code ForkJoinPool-1-worker-N} carriers of virtual threads count as one), read from
 * {@code /proc/<pid>/task}. Shows whether a process's CPU goes to request handling, its HTTP client,
 * the JIT or the GC. Linux only; elsewhere it reports nothing.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** Clock ticks (user + system) per thread-name group; threads that ended are missing. */
    static Map<String, Long> snapshot(long pid) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // pid (comm) state ... : comm may hold spaces and parentheses, so split after the last ')'
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "#");
                    String[] f = stat.substring(close + 2).split(" ");
                    long t = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    ticks.merge(name, t, Long::sum);
                } catch (IOException | RuntimeException threadGone) {
                    // the thread ended between list and read
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return Map.of();
        }
        return ticks;
    }

    /** A readable name for the JDK's thread groups (Linux cuts thread names to 15 characters). */
    static String label(String group) {
        if (group.startsWith("ForkJoinPool-#-")) {
            return "virtual-thread carriers (handlers)";
        } else if (group.startsWith("HttpClient-#-Wo")) {
            return "HttpClient workers";
        } else if (group.startsWith("HttpClient-#-Se")) {
            return "HttpClient selector";
        } else if (group.equals("HTTP-Dispatcher")) {
            return "HttpServer dispatcher";
        } else if (group.startsWith("C# CompilerThre")) {
            return "JIT";
        } else if (group.equals("VM Thread")) {
            return "VM thread (serial GC, safepoints)";
        } else if (group.startsWith("GC Thread") || group.startsWith("G#") || group.startsWith("GC ")) {
            return "GC threads";
        }
        return "`" + group + "`";
    }

    /**
     * "name 41%, name 22%, ..." for the largest groups' share of what the process used, given the
     * ticks each group used. Threads that started and ended in between are not seen ("other").
     */
    static String shares(Map<String, Long> ticks, long processCpuNanos, int top) {
        if (ticks.isEmpty() || processCpuNanos <= 0) {
            return "";
        }
        double tickNanos = 1e9 / 100; // USER_HZ is 100 on every Linux this runs on
        List<Map.Entry<String, Long>> sorted = ticks.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        StringBuilder out = new StringBuilder();
        long shown = 0;
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            double share = e.getValue() * tickNanos / processCpuNanos * 100;
            shown += e.getValue();
            out.append(out.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.0f%%", label(e.getKey()), share));
        }
        double rest = 100 - shown * tickNanos / processCpuNanos * 100;
        if (rest >= 1) {
            out.append(String.format(Locale.ROOT, ", other %.0f%%", rest));
        }
        return out.toString();
    }
}
