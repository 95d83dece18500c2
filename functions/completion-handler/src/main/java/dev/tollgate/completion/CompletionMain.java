package dev.tollgate.completion;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.ConfigLoader;
import dev.tollgate.config.GatewayConfig;
import dev.tollgate.config.LoadedConfig;
import dev.tollgate.http.HttpServerHost;
import dev.tollgate.http.Routes;
import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.DynamoSpendRecorder;
import dev.tollgate.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import dev.tollgate.redis.SharedRedis;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * The completion-handler as a process: on Lambda, {@code run.sh} starts it and the Lambda Web
 * Adapter forwards invokes to it. Environment: {@code TOLLGATE_CONFIG} (config file; default
 * {@code $LAMBDA_TASK_ROOT/config.yaml}, else {@code config.yaml}) and the port in
 * {@code AWS_LWA_PORT}, else {@code PORT}, else 8080. Exits 1 with one line when it cannot start.
 */
public final class CompletionMain {
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_TABLE = Tables.MAIN;
    static final int GRACE_SECONDS = 1;

    private CompletionMain() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        try {
            HttpServerHost server = start(env);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(GRACE_SECONDS), "tollgate-shutdown"));
            System.out.println("listening on :" + server.port());
        } catch (StartupException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static HttpServerHost start(Map<String, String> env) throws StartupException {
        int port = port(env);
        LoadedConfig loaded;
        Routes routes;
        try {
            loaded = ConfigLoader.load(configPath(env), env);
            loaded.warnings().forEach(w -> System.err.println("warning: " + w));
            routes = CompletionApp.create(loaded.config(), services(loaded, env), () -> true).routes();
        } catch (ConfigException e) {
            throw new StartupException(e.getMessage());
        }
        try {
            return HttpServerHost.start(new InetSocketAddress(port), routes);
        } catch (IOException e) {
            throw new StartupException("cannot listen on port " + port + ": " + e.getMessage());
        }
    }

    /**
     * The AWS runtime's services: keys, teams and spend in the DynamoDB table {@code TOLLGATE_TABLE}
     * (default {@value #DEFAULT_TABLE}) in the function's region; the shared Redis when the config
     * names one; tenants' named secrets from the configured secret manager, else the environment.
     * Without a master key nothing is checked, so no table is needed; without a region (a run outside
     * AWS) only the master key is accepted, with a warning.
     */
    static CompletionServices services(LoadedConfig loaded, Map<String, String> env) {
        GatewayConfig config = loaded.config();
        SharedRedis redis = config.redis() == null ? null : SharedRedis.connect(config.redis());
        DynamoDbClient db = config.general().masterKey() == null ? null : DynamoClient.fromEnvironment(env);
        if (config.general().masterKey() != null && db == null) {
            System.err.println("warning: no AWS region (AWS_REGION): virtual keys cannot be looked up; only the "
                    + "master key is accepted");
        }
        if (db == null) {
            return new CompletionServices(CompletionServices.NO_KEYS, loaded.secrets(), redis, null, null, null);
        }
        String table = env.getOrDefault("TOLLGATE_TABLE", DEFAULT_TABLE);
        return new CompletionServices(new DynamoKeyStore(db, table), loaded.secrets(), redis,
                new DynamoSpendRecorder(db, table), null, null);
    }

    static Path configPath(Map<String, String> env) {
        String explicit = env.get("TOLLGATE_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String taskRoot = env.get("LAMBDA_TASK_ROOT");
        return taskRoot != null && !taskRoot.isBlank() ? Path.of(taskRoot, "config.yaml") : Path.of("config.yaml");
    }

    static int port(Map<String, String> env) throws StartupException {
        for (String name : new String[] {"AWS_LWA_PORT", "PORT"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                try {
                    int port = Integer.parseInt(value.strip());
                    if (port >= 0 && port <= 65535) {
                        return port;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new StartupException(name + ": expected a port number from 0 to 65535, got \"" + value + "\"");
            }
        }
        return DEFAULT_PORT;
    }

    /** Start-up failed; the message is one line. */
    static final class StartupException extends Exception {
        StartupException(String message) {
            super(message, null, false, false);
        }
    }
}
