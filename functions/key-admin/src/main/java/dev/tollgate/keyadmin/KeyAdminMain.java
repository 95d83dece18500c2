package dev.tollgate.keyadmin;

import dev.tollgate.config.LoadedConfig;
import dev.tollgate.http.HttpServerHost;
import dev.tollgate.http.Routes;
import dev.tollgate.http.ServerProcess;
import dev.tollgate.http.ServerProcess.StartupException;
import dev.tollgate.keys.DynamoKeyStore;
import dev.tollgate.keys.KeyChangeListener;
import dev.tollgate.store.Tables;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The key-admin API as a process, for Lambda behind the Lambda Web Adapter as the
 * completion-handler runs: config and port as {@link ServerProcess} reads them, the table in
 * {@code TOLLGATE_TABLE} (default {@value Tables#MAIN}), AWS region and credentials from the
 * SDK's default chain (the function's role). Exits 1 with one line when it cannot start.
 */
public final class KeyAdminMain {
    static final int GRACE_SECONDS = 1;

    private KeyAdminMain() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        try {
            DynamoDbClient db = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
            HttpServerHost server = start(env, db);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop(GRACE_SECONDS);
                db.close();
            }, "tollgate-shutdown"));
            System.out.println("listening on :" + server.port());
        } catch (StartupException | RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static HttpServerHost start(Map<String, String> env, DynamoDbClient db) throws StartupException {
        int port = ServerProcess.port(env);
        LoadedConfig loaded = ServerProcess.loadConfig(env);
        Routes routes = KeyAdminApp.routes(loaded.config(), new DynamoKeyStore(db, table(env)), KeyChangeListener.NONE);
        return ServerProcess.listen(port, routes);
    }

    static String table(Map<String, String> env) {
        String table = env.get("TOLLGATE_TABLE");
        return table == null || table.isBlank() ? Tables.MAIN : table.strip();
    }
}
