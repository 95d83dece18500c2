package dev.tollgate.local;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.ConfigLoader;
import dev.tollgate.config.LoadedConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.Map;
import java.util.Objects;

/**
 * {@code bin/local}: the gateway and its stores in one process. Exits 2 on a bad command line,
 * 1 when the config or start-up fails; runs until SIGTERM or Ctrl-C otherwise.
 */
public final class LocalMain {
    private LocalMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Starts the gateway and returns 0, leaving it running; or returns the exit code of a failure. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        LocalOptions options;
        try {
            options = LocalOptions.parse(args);
        } catch (LocalOptions.UsageException e) {
            if (e.helpRequested()) {
                out.print(LocalOptions.USAGE);
                return 0;
            }
            err.println("error: " + e.getMessage());
            err.print(LocalOptions.USAGE);
            return 2;
        }
        LoadedConfig loaded;
        try {
            loaded = ConfigLoader.load(options.config(), env);
        } catch (ConfigException e) {
            boolean defaultMissing = options.config().equals(LocalOptions.DEFAULTS.config())
                    && !Files.exists(options.config());
            err.println("error: " + e.getMessage()
                    + (defaultMissing ? " (run from the repository root, or pass --config FILE)" : ""));
            return 1;
        }
        loaded.warnings().forEach(w -> err.println("warning: " + w));
        LocalRuntime runtime;
        try {
            InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
            if (address.isUnresolved()) {
                err.println("error: --host: cannot resolve \"" + options.host() + "\"");
                return 2;
            }
            runtime = LocalRuntime.start(loaded.config(), loaded.secrets(), address, options.dataDir());
        } catch (BindException e) {
            err.println("error: cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot start: " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "tollgate-shutdown"));
        out.println("Tollgate listening on http://" + displayHost(options.host()) + ":" + runtime.port());
        return 0;
    }

    /** localhost for the wildcard and loopback addresses, else the address given. */
    private static String displayHost(String host) {
        try {
            InetAddress a = InetAddress.getByName(host);
            return a.isAnyLocalAddress() || a.isLoopbackAddress() ? "localhost" : host;
        } catch (IOException e) {
            return host;
        }
    }
}
