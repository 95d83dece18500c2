package dev.tollgate.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one benchmark command (run by {@code bin/bench}): mock upstream in its own JVM, direct-to-mock
 * runs, gateway start-up timing, the same runs through the gateway, sustained-rate runs, artifact
 * size; prints a Markdown report and writes it to {@code bench/results/latest.md}.
 */
public final class BenchMain {
    private static final String HOST = "127.0.0.1";
    private static final String AUTH = "Bearer sk-bench";
    private static final int PREWARM_CONNECTIONS = 2;
    private static final String MESSAGES = "\"messages\":[{\"role\":\"system\",\"content\":\"You are a terse assistant.\"},"
            + "{\"role\":\"user\",\"content\":\"Say something about toll gates in one sentence.\"}],"
            + "\"max_tokens\":64,\"temperature\":0.2";
    static final byte[] PLAIN_BODY = ("{\"model\":\"" + Gateway.MODEL + "\"," + MESSAGES + "}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] STREAM_BODY = ("{\"model\":\"" + Gateway.MODEL + "\"," + MESSAGES
            + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}").getBytes(StandardCharsets.UTF_8);

    private final BenchOptions options;
    private final Report report;
    private final CpuMeter cpu = new CpuMeter();

    private BenchMain(BenchOptions options) {
        this.options = options;
        this.report = new Report(options);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.from(Args.parse(args));
        String markdown = new BenchMain(options).run();
        System.out.println(markdown);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), markdown, StandardCharsets.UTF_8);
        System.err.println("written to " + options.out());
    }

    private String run() throws IOException, InterruptedException {
        report.environment(environment());
        report.artifact(artifactSize(options.artifact()));
        int mockPort = freePort();
        try (JavaProcess mock = JavaProcess.start("mock", System.getProperty("java.class.path"),
                options.mockJvmOptions(), MockUpstream.class.getName(),
                List.of("--port", Integer.toString(mockPort), "--chunks", Integer.toString(options.chunks()),
                        "--latency-ms", Long.toString(options.mockLatencyMillis())),
                Map.of(), options.workDir().resolve("mock.log"))) {
            mock.awaitHttp200(mockPort, "/health", Duration.ofSeconds(30));
            cpu.add("mock", mock.handle());
            prewarm("mock", mockPort);
            if (!options.gatewayAvailable()) {
                report.note("Gateway classpath not given (`--gateway-cp`): direct-to-mock runs only.");
                directOnly(mockPort);
                return report.markdown();
            }
            int gatewayPort = freePort();
            try (JavaProcess gateway = startGateway(mockPort, gatewayPort)) {
                cpu.add("gateway", gateway.handle());
                prewarm("gateway", gatewayPort);
                compare(mockPort, gatewayPort);
            }
        }
        report.note("1-minute load average at the end: " + loadAverage() + " (this benchmark's own load included).");
        return report.markdown();
    }

    /**
     * Unrecorded closed-loop load (both call types, {@value #PREWARM_CONNECTIONS} connections, for
     * {@code --prewarm} each) so the JIT has compiled the hot paths of client, mock and gateway before
     * anything is measured. Closed loop, because an open-loop rate aimed at a cold JVM only builds a
     * backlog.
     */
    private void prewarm(String what, int port) throws InterruptedException {
        for (boolean stream : new boolean[] {false, true}) {
            load("prewarm " + what + (stream ? " stream" : " non-stream"), port, stream, 0, PREWARM_CONNECTIONS,
                    Duration.ZERO, options.prewarm());
        }
    }

    private void directOnly(int mockPort) throws InterruptedException {
        report.run(load("non-stream direct", mockPort, false, options.rate(), options.duration()));
        report.run(load("stream direct", mockPort, true, options.rate(), options.duration()));
        report.sustained(load("non-stream direct sustained", mockPort, false, options.sustainedRate(),
                options.sustainedDuration()));
        report.sustained(load("stream direct sustained", mockPort, true, options.sustainedRate(),
                options.sustainedDuration()));
    }

    /**
     * For each call type, direct and gateway runs alternate in {@code --rounds} slices (A B A B ...)
     * that are added up per path, so a neighbour's burst or drift over time hits both paths alike.
     */
    private void compare(int mockPort, int gatewayPort) throws InterruptedException {
        Duration slice = options.duration().dividedBy(options.rounds());
        for (boolean stream : new boolean[] {false, true}) {
            String call = stream ? "stream" : "non-stream";
            LoadResult direct = null;
            LoadResult gateway = null;
            for (int round = 1; round <= options.rounds(); round++) {
                direct = plus(direct, load(call + " direct", mockPort, stream, options.rate(), slice));
                gateway = plus(gateway, load(call + " gateway", gatewayPort, stream, options.rate(), slice));
            }
            report.run(direct);
            report.run(gateway);
            report.pair(new Report.Pair(call, direct, gateway));
        }
        for (boolean stream : new boolean[] {false, true}) {
            String call = stream ? "stream" : "non-stream";
            report.sustained(load(call + " direct sustained", mockPort, stream, options.sustainedRate(),
                    options.sustainedDuration()));
            report.sustained(load(call + " gateway sustained", gatewayPort, stream, options.sustainedRate(),
                    options.sustainedDuration()));
        }
    }

    private static LoadResult plus(LoadResult sum, LoadResult slice) {
        return sum == null ? slice : sum.plus(slice);
    }

    /** Starts the gateway {@code startupRuns} times for the start-up figures; the last one stays up. */
    private JavaProcess startGateway(int mockPort, int gatewayPort) throws IOException, InterruptedException {
        Path config = Gateway.writeConfig(options.workDir(), mockPort);
        byte[] first = HttpConnection.post(HOST, gatewayPort, "/v1/chat/completions", AUTH, PLAIN_BODY);
        for (int i = 1; ; i++) {
            Gateway.Started started = Gateway.start(options, config, gatewayPort, first,
                    options.workDir().resolve("gateway.log"));
            report.startup(started.startup());
            System.err.printf(Locale.ROOT, "gateway start-up %d: readiness %.0f ms, first completion %.0f ms%n", i,
                    started.startup().readinessMillis(), started.startup().firstCompletionMillis());
            if (i >= options.startupRuns()) {
                return started.process();
            }
            started.process().close();
        }
    }

    private LoadResult load(String label, int port, boolean stream, double rate, Duration duration)
            throws InterruptedException {
        return load(label, port, stream, rate, options.connections(), options.warmup(), duration);
    }

    private LoadResult load(String label, int port, boolean stream, double rate, int connections, Duration warmup,
                            Duration duration) throws InterruptedException {
        byte[] request = HttpConnection.post(HOST, port, "/v1/chat/completions", AUTH, stream ? STREAM_BODY : PLAIN_BODY);
        LoadSpec spec = new LoadSpec(label, HOST, port, request, stream, rate, connections, warmup, duration);
        System.err.printf(Locale.ROOT, "running %s at %s over %d connections: %.1f s warm-up + %.1f s...%n", label,
                rate > 0 ? Report.num(rate) + " req/s" : "full speed", connections, warmup.toMillis() / 1e3,
                duration.toMillis() / 1e3);
        LoadResult r = LoadGenerator.run(spec, cpu);
        System.err.printf(Locale.ROOT, "  %.0f req/s, %d errors, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                r.achievedRps(), r.errors(), Report.ms(r.total().percentile(50)),
                Report.ms(r.total().percentile(99)), Report.ms(r.total().max()));
        return r;
    }

    private String environment() {
        return String.format(Locale.ROOT, """
                Run %s on %s (%d cores seen by the JVM, load average %s at the start), %s %s; commit `%s`.
                Load: open loop at a fixed rate over %d keep-alive connections. Overhead runs: %d s measured per \
                path, direct and gateway alternating in %d slices, each after %d s unmeasured warm-up; sustained \
                runs: %d s. All JVMs first warmed %d s per call type. Streams of %d content chunks with usage; \
                mock latency %d ms.
                Gateway JVM: `%s`. Mock JVM: `%s`.""",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)).substring(0, 19),
                cpuModel(), Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version"), options.commit(), options.connections(),
                options.duration().toSeconds(), options.rounds(), options.warmup().toSeconds(),
                options.sustainedDuration().toSeconds(), options.prewarm().toSeconds(), options.chunks(), options.mockLatencyMillis(), String.join(" ", options.gatewayJvmOptions()),
                String.join(" ", options.mockJvmOptions()));
    }

    /** The 1-minute load average, or "unknown": anything above ~1 before a run means a busy neighbour. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static String artifactSize(Path artifact) {
        try {
            if (!Files.isRegularFile(artifact)) {
                return "not built (`" + artifact + "` absent)";
            }
            long bytes = Files.size(artifact);
            return String.format(Locale.ROOT, "%.1f MB (%,d bytes): `%s`", bytes / 1e6, bytes, artifact);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
