package dev.tollgate.completion;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.GatewayConfig;
import dev.tollgate.config.LoadedConfig;
import dev.tollgate.http.HttpServerHost;
import dev.tollgate.http.Routes;
import dev.tollgate.http.ServerProcess;
import dev.tollgate.http.ServerProcess.StartupException;
import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.DynamoSpendRecorder;
import dev.tollgate.redis.SharedRedis;
import dev.tollgate.store.Tables;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The completion-handler as a process: on Lambda, {@code run.sh} starts it and the Lambda Web
 * Adapter forwards invokes to it. Environment as {@link ServerProcess} reads it, plus
 * {@code TOLLGATE_TABLE} (see {@link #services}). Exits 1 with one line when it cannot start.
 */
public final class CompletionMain {
    static final int GRACE_SECONDS = 1;
    static final String DEFAULT_TABLE = Tables.MAIN;

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
        int port = ServerProcess.port(env);
        LoadedConfig loaded = ServerProcess.loadConfig(env);
        Routes routes;
        try {
            routes = CompletionApp.create(loaded.config(), services(loaded, env), () -> true).routes();
        } catch (ConfigException e) {
            throw new StartupException(e.getMessage());
        }
        return ServerProcess.listen(port, routes);
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
}
