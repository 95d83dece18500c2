package dev.tollgate.http;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.ConfigLoader;
import dev.tollgate.config.LoadedConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * Start-up of a Tollgate HTTP process on Lambda (behind the Lambda Web Adapter) or anywhere else,
 * from its environment: the config file in {@code TOLLGATE_CONFIG} (default
 * {@code $LAMBDA_TASK_ROOT/config.yaml}, else {@code config.yaml}), the port in
 * {@code AWS_LWA_PORT}, else {@code PORT}, else 8080. Each failure is one line.
 */
public final class ServerProcess {
    public static final int DEFAULT_PORT = 8080;

    private ServerProcess() {
    }

    /** Loads and validates the config, printing its warnings to stderr. */
    public static LoadedConfig loadConfig(Map<String, String> env) throws StartupException {
        try {
            LoadedConfig loaded = ConfigLoader.load(configPath(env), env);
            loaded.warnings().forEach(w -> System.err.println("warning: " + w));
            return loaded;
        } catch (ConfigException e) {
            throw new StartupException(e.getMessage());
        }
    }

    /** Serves {@code routes} on every interface. */
    public static HttpServerHost listen(int port, Routes routes) throws StartupException {
        try {
            return HttpServerHost.start(new InetSocketAddress(port), routes);
        } catch (IOException e) {
            throw new StartupException("cannot listen on port " + port + ": " + e.getMessage());
        }
    }

    public static Path configPath(Map<String, String> env) {
        String explicit = env.get("TOLLGATE_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String taskRoot = env.get("LAMBDA_TASK_ROOT");
        return taskRoot != null && !taskRoot.isBlank() ? Path.of(taskRoot, "config.yaml") : Path.of("config.yaml");
    }

    public static int port(Map<String, String> env) throws StartupException {
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
    public static final class StartupException extends Exception {
        public StartupException(String message) {
            super(message, null, false, false);
        }
    }
}
