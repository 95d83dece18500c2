package dev.tollgate.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Everything one benchmark run is told; see {@code bench/README.md} for the flags. */
record BenchOptions(double rate, double spendRate, double sustainedRate, int connections, Duration prewarm, Duration warmup,
                    Duration duration, int rounds, Duration sustainedDuration, int chunks, long mockLatencyMillis, int startupRuns,
                    String gatewayClasspath, String localClasspath, String redisServer, List<String> gatewayJvmOptions, List<String> mockJvmOptions,
                    Path artifact, Path out, Path workDir, Path localDataParent, String commit, boolean quick) {

    static final String DEFAULT_GATEWAY_JVM = "-XX:+UseSerialGC -Xms256m -Xmx256m";
    static final String DEFAULT_MOCK_JVM = "-XX:+UseSerialGC -Xms256m -Xmx256m -XX:+AlwaysPreTouch";

    static BenchOptions from(Args a) {
        boolean quick = a.flag("quick");
        Duration duration = a.duration("duration", quick ? Duration.ofSeconds(4) : Duration.ofSeconds(20));
        return new BenchOptions(
                a.doubleValue("rate", 1000),
                a.doubleValue("spend-rate", 20),
                a.doubleValue("sustained-rate", 2000),
                a.intValue("concurrency", 16),
                a.duration("prewarm", quick ? Duration.ofSeconds(3) : Duration.ofSeconds(10)),
                a.duration("warmup", quick ? Duration.ofSeconds(1) : Duration.ofSeconds(2)),
                duration,
                a.intValue("rounds", quick ? 2 : 4),
                a.duration("sustained-duration", quick ? duration : Duration.ofSeconds(30)),
                a.intValue("chunks", 10),
                a.intValue("mock-latency-ms", 0),
                a.intValue("startup-runs", quick ? 1 : 3),
                a.string("gateway-cp", ""),
                a.string("local-cp", ""),
                a.string("redis-server", ""),
                split(a.string("gateway-jvm", DEFAULT_GATEWAY_JVM)),
                split(a.string("mock-jvm", DEFAULT_MOCK_JVM)),
                Path.of(a.string("artifact", "functions/completion-handler/target/completion-handler-lambda.zip")),
                Path.of(a.string("out", "bench/results/latest.md")),
                Path.of(a.string("work-dir", "bench/target/run")),
                Path.of(a.string("local-data-parent", defaultLocalDataParent())),
                a.string("commit", "unknown"),
                quick);
    }

    boolean gatewayAvailable() {
        return !gatewayClasspath.isBlank();
    }

    /** Whether {@code bin/local}'s runtime can be run, for the virtual-key scenario. */
    boolean localAvailable() {
        return !localClasspath.isBlank();
    }

    /**
     * Where the virtual-key runtime's DynamoDB Local keeps its files: in memory ({@code /dev/shm}) where
     * there is one, so that its SQLite syncs wait on no disk a neighbour's build is also writing to.
     */
    private static String defaultLocalDataParent() {
        Path shm = Path.of("/dev/shm");
        return java.nio.file.Files.isDirectory(shm) && java.nio.file.Files.isWritable(shm) ? shm.toString()
                : System.getProperty("java.io.tmpdir");
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
