package dev.tollgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The gateway as tenants meet it: {@code bin/local}'s runtime ({@value #MAIN_CLASS}: completion
 * routes, key-admin API and DynamoDB Local in one JVM, on a fresh data directory), with a team and a
 * virtual key created through the admin API. Every call with that key is hashed and looked up (key
 * cache in front of DynamoDB), checked for model access and budget, counted against the key's and
 * team's rate limits (in memory, or in Redis when {@code redisPort > 0}) and, since the model has
 * per-token prices, priced and written as spend to DynamoDB before its answer is sent.
 */
final class KeyedGateway implements AutoCloseable {
    static final String MAIN_CLASS = "dev.tollgate.local.LocalMain";
    static final String MASTER_KEY = "sk-bench-master";
    static final String TEAM = "bench-team";
    /** A second model at the same mock with zero prices: every key check runs, but no spend is written. */
    static final String UNPRICED_MODEL = "bench-model-unpriced";
    /** Limits far above what a run sends (prewarm runs closed loop, faster than 1,000 req/s): counted, never refused. */
    private static final String LIMITS = "\"rpm_limit\":100000000,\"tpm_limit\":100000000000,"
            + "\"max_parallel_requests\":10000,\"max_budget\":1000000";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final JavaProcess process;
    private final Path dataDir;
    private final int port;
    private final String key;

    private KeyedGateway(JavaProcess process, Path dataDir, int port, String key) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
        this.key = key;
    }

    /** The config: the bench model with per-token prices, an unpriced one, a master key, and Redis for limits if given. */
    static String config(int mockPort, int redisPort) {
        return Gateway.modelList(mockPort) + """
                    model_info:
                      input_cost_per_token: 0.0000025
                      output_cost_per_token: 0.00001
                  - model_name: %s
                    litellm_params:
                      model: openai/%s
                      api_base: http://127.0.0.1:%d/v1
                      api_key: sk-bench
                    model_info:
                      input_cost_per_token: 0
                      output_cost_per_token: 0
                """.formatted(UNPRICED_MODEL, Gateway.MODEL, mockPort) + """
                general_settings:
                  master_key: %s
                """.formatted(MASTER_KEY) + (redisPort > 0 ? """
                router_settings:
                  redis_host: 127.0.0.1
                  redis_port: %d
                """.formatted(redisPort) : "");
    }

    /** Starts the runtime, waits for readiness, creates the team and key, and checks one call with the key. */
    static KeyedGateway start(BenchOptions options, int mockPort, int port, int redisPort, String name)
            throws IOException, InterruptedException {
        Path config = Gateway.writeConfig(options.workDir().resolve(name + "-config.yaml"), config(mockPort, redisPort));
        Path dataDir = Files.createTempDirectory(options.localDataParent(), "tollgate-bench-");
        List<String> jvm = new ArrayList<>(options.gatewayJvmOptions());
        jvm.add("--enable-native-access=ALL-UNNAMED");
        JavaProcess process = JavaProcess.start(name, options.localClasspath(), jvm, MAIN_CLASS,
                List.of("--config", config.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                        "--data-dir", dataDir.toString()),
                Map.of(), options.workDir().resolve(name + ".log"));
        try {
            process.awaitHttp200(port, "/health/readiness", START_TIMEOUT);
            String models = "\"models\":[\"" + Gateway.MODEL + "\",\"" + UNPRICED_MODEL + "\"],";
            admin(process, port, "/team/new", "{\"team_id\":\"" + TEAM + "\",\"team_alias\":\"bench\"," + models
                    + LIMITS + "}");
            String key = admin(process, port, "/key/generate", "{\"team_id\":\"" + TEAM + "\",\"key_alias\":\"bench\","
                    + models + LIMITS + "}").get("key").asText();
            Gateway.firstCompletion(process, port,
                    HttpConnection.post("127.0.0.1", port, "/v1/chat/completions", "Bearer " + key, BenchMain.PLAIN_BODY));
            return new KeyedGateway(process, dataDir, port, key);
        } catch (IOException | RuntimeException e) {
            process.close();
            delete(dataDir);
            throw e;
        }
    }

    JavaProcess process() {
        return process;
    }

    int port() {
        return port;
    }

    String authorization() {
        return "Bearer " + key;
    }

    /** Calls on {@code model} with the virtual key. */
    Target target(String name, String model) {
        return new Target(name, port, authorization(), model);
    }

    /** The spend DynamoDB holds for the key ({@code GET /key/info}): proof the calls were priced and recorded. */
    String recordedSpend() throws IOException {
        JsonNode info = call(process, port, "/key/info", HttpConnection.get("127.0.0.1", port, "/key/info", authorization()));
        return info.path("info").path("spend").asText("unknown");
    }

    private static JsonNode admin(JavaProcess process, int port, String path, String json) throws IOException {
        return call(process, port, path, HttpConnection.post("127.0.0.1", port, path, "Bearer " + MASTER_KEY,
                json.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode call(JavaProcess process, int port, String path, byte[] request) throws IOException {
        try (HttpConnection c = new HttpConnection("127.0.0.1", port, 30_000)) {
            ResponseReader r = c.exchange(request);
            if (r.status() != 200) {
                throw new IOException(process.name() + ": " + path + " answered " + r.status() + ": " + r.bodyText(500));
            }
            return Json.MAPPER.readTree(r.body(), 0, r.bodyLength());
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.close();
        } finally {
            delete(dataDir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
