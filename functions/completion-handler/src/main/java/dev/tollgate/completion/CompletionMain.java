package dev.tollgate.completion;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.LoadedConfig;
import dev.tollgate.http.HttpServerHost;
import dev.tollgate.http.Routes;
import dev.tollgate.http.ServerProcess;
import dev.tollgate.http.ServerProcess.StartupException;
import java.util.Map;

/**
 * The completion-handler as a process: on Lambda, {@code run.sh} starts it and the Lambda Web
 * Adapter forwards invokes to it. Environment as {@link ServerProcess} reads it. Exits 1 with one
 * line when it cannot start.
 */
public final class CompletionMain {
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
        int port = ServerProcess.port(env);
        LoadedConfig loaded = ServerProcess.loadConfig(env);
        Routes routes;
        try {
            routes = CompletionApp.routes(loaded.config(), () -> true);
        } catch (ConfigException e) {
            throw new StartupException(e.getMessage());
        }
        return ServerProcess.listen(port, routes);
    }
}
