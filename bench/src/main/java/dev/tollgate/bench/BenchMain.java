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
    /**
     * The scenarios of the overhead table: the gateway with no key checks; with a virtual key on a
     * priced model (spend written); with the same key on an unpriced model (every check, no write).
     */
    static final String OPEN = "open (no key checks)";
    static final String VIRTUAL_KEY = "virtual key";
    static final String VIRTUAL_KEY_UNPRICED = "virtual key, unpriced model";
    private static final String MESSAGES = "\"messages\":[{\"role\":\"system\",\"content\":\"You are a terse assistant.\"},"
            + "{\"role\":\"user\",\"content\":\"Say something about toll gates in one sentence.\"}],"
            + "\"max_tokens\":64,\"temperature\":0.2";
    static final byte[] PLAIN_BODY = body(Gateway.MODEL, false);
    static final byte[] STREAM_BODY = body(Gateway.MODEL, true);

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
            Target direct = new Target("direct", mockPort, AUTH, Gateway.MODEL);
            prewarm(direct);
            if (!options.gatewayAvailable()) {
                report.note("Gateway classpath not given (`--gateway-cp`): direct-to-mock runs only.");
                for (boolean stream : new boolean[] {false, true}) {
                    report.run(load((stream ? "stream " : "non-stream ") + direct.name(), direct, stream,
                            options.rate(), options.duration()));
                }
                sustained(direct);
                return report.markdown();
            }
            Target gateway = new Target("gateway", freePort(), AUTH, Gateway.MODEL);
            try (JavaProcess process = startGateway(mockPort, gateway.port())) {
                cpu.add("gateway", process.handle());
                prewarm(gateway);
                overhead(OPEN, direct, gateway, options.rate());
                sustained(direct, gateway);
            }
            if (options.localAvailable()) {
                virtualKey(mockPort, direct);
            } else {
                report.note("`bin/local`'s classpath not given (`--local-cp`): no virtual-key scenario.");
            }
        }
        report.note("1-minute load average at the end: " + loadAverage() + " (this benchmark's own load included).");
        return report.markdown();
    }

    /**
     * The path tenants take: {@code bin/local}'s runtime with a virtual key (lookup, limits, budget,
     * spend written to DynamoDB Local), measured against the same direct runs as the open gateway.
     */
    private void virtualKey(int mockPort, Target direct) throws IOException, InterruptedException {
        try (KeyedGateway gateway = KeyedGateway.start(options, mockPort, freePort(), 0, "keyed-gateway")) {
            cpu.add("gateway", gateway.process().handle());
            Target priced = gateway.target("virtual-key gateway", Gateway.MODEL);
            Target unpriced = gateway.target("virtual-key gateway unpriced", KeyedGateway.UNPRICED_MODEL);
            prewarm(unpriced);
            LoadResult closedLoop = prewarm(priced);
            report.note(String.format(Locale.ROOT, "Closed loop over %d connections (its last prewarm run), the "
                    + "virtual key's priced non-stream calls were answered at %.0f req/s, p50 %.1f ms, p99 %.1f ms: "
                    + "the most this gateway's spend writes let through.", PREWARM_CONNECTIONS,
                    closedLoop.achievedRps(), Report.ms(closedLoop.total().percentile(50)),
                    Report.ms(closedLoop.total().percentile(99))));
            overhead(VIRTUAL_KEY, direct, priced, options.rate());
            overhead(VIRTUAL_KEY_UNPRICED, direct, unpriced, options.rate());
            if (options.spendRate() > 0) {
                overhead(VIRTUAL_KEY + " at " + Report.num(options.spendRate()) + " req/s", direct, priced,
                        options.spendRate());
            }
            report.note("Spend DynamoDB holds for the virtual key after its runs: " + gateway.recordedSpend()
                    + " USD (every call on `" + Gateway.MODEL + "` is priced and its spend written before the "
                    + "answer is sent; calls on `" + KeyedGateway.UNPRICED_MODEL + "` cost nothing and write nothing). "
                    + "DynamoDB Local's files were under `" + options.localDataParent() + "`.");
        }
        if (!options.redisServer().isBlank()) {
            virtualKeyWithRedis(mockPort, direct);
        }
    }

    /**
     * The unpriced virtual-key calls again with the rate limits counted in a local {@code redis-server}
     * (as on AWS, where instances share them), so the figure differs from the in-memory one only by Redis.
     */
    private void virtualKeyWithRedis(int mockPort, Target direct) throws IOException, InterruptedException {
        try (RedisServer redis = RedisServer.start(options.redisServer(), freePort(),
                options.workDir().resolve("redis.log"));
             KeyedGateway gateway = KeyedGateway.start(options, mockPort, freePort(), redis.port(),
                     "keyed-gateway-redis")) {
            cpu.add("gateway", gateway.process().handle());
            Target unpriced = gateway.target("virtual-key gateway unpriced, Redis limits", KeyedGateway.UNPRICED_MODEL);
            prewarm(unpriced);
            overhead(VIRTUAL_KEY_UNPRICED + ", limits in Redis", direct, unpriced, options.rate());
        }
    }

    /**
     * Unrecorded closed-loop load (both call types, {@value #PREWARM_CONNECTIONS} connections, for
     * {@code --prewarm} each) so the JIT has compiled the hot paths of client, mock and gateway before
     * anything is measured. Closed loop, because an open-loop rate aimed at a cold JVM only builds a
     * backlog.
     */
    private LoadResult prewarm(Target target) throws InterruptedException {
        LoadResult plain = null;
        for (boolean stream : new boolean[] {false, true}) {
            LoadResult r = load("prewarm " + target.name() + (stream ? " stream" : " non-stream"), target, stream, 0,
                    PREWARM_CONNECTIONS, Duration.ZERO, options.prewarm());
            plain = stream ? plain : r;
        }
        return plain;
    }

    /**
     * For each call type, direct and gateway runs alternate in {@code --rounds} slices (A B A B ...)
     * that are added up per path, so a neighbour's burst or drift over time hits both paths alike.
     */
    private void overhead(String scenario, Target direct, Target gateway, double rate) throws InterruptedException {
        Duration slice = options.duration().dividedBy(options.rounds());
        for (boolean stream : new boolean[] {false, true}) {
            String call = stream ? "stream" : "non-stream";
            LoadResult d = null;
            LoadResult g = null;
            for (int round = 1; round <= options.rounds(); round++) {
                d = plus(d, load(call + " " + direct.name(), direct, stream, rate, slice));
                g = plus(g, load(call + " " + gateway.name(), gateway, stream, rate, slice));
            }
            report.run(d);
            report.run(g);
            report.pair(new Report.Pair(scenario, call, d, g));
        }
    }

    /** Each target at {@code --sustained-rate}, non-streaming then streaming. */
    private void sustained(Target... targets) throws InterruptedException {
        for (boolean stream : new boolean[] {false, true}) {
            String call = stream ? "stream" : "non-stream";
            for (Target target : targets) {
                report.sustained(load(call + " " + target.name() + " sustained", target, stream,
                        options.sustainedRate(), options.sustainedDuration()));
            }
        }
    }

    /** A chat completion request body for {@code model}, streamed with usage or not. */
    static byte[] body(String model, boolean stream) {
        return ("{\"model\":\"" + model + "\"," + MESSAGES
                + (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}" : "}"))
                .getBytes(StandardCharsets.UTF_8);
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

    private LoadResult load(String label, Target target, boolean stream, double rate, Duration duration)
            throws InterruptedException {
        return load(label, target, stream, rate, options.connections(), options.warmup(), duration);
    }

    private LoadResult load(String label, Target target, boolean stream, double rate, int connections,
                            Duration warmup, Duration duration) throws InterruptedException {
        byte[] request = HttpConnection.post(HOST, target.port(), "/v1/chat/completions", target.authorization(),
                body(target.model(), stream));
        LoadSpec spec = new LoadSpec(label, HOST, target.port(), request, stream, rate, connections, warmup, duration);
        System.err.printf(Locale.ROOT, "running %s at %s over %d connections: %.1f s warm-up + %.1f s...%n", label,
                rate > 0 ? Report.num(rate) + " req/s" : "full speed", connections, warmup.toMillis() / 1e3,
                duration.toMillis() / 1e3);
        LoadResult r = LoadGenerator.run(spec, cpu);
        System.err.printf(Locale.ROOT, "  %.0f req/s, %d errors, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                r.achievedRps(), r.errors(), Report.ms(r.total().percentile(50)),
                Report.ms(r.total().percentile(99)), Report.ms(r.total().max()));
        if (r.firstError() != null) {
            System.err.println("  first error: " + r.firstError());
        }
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
