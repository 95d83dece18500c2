package dev.tollgate.local;

import java.nio.file.Path;

/** The command line of {@code bin/local}: {@code --config FILE --host ADDR --port N --data-dir DIR}. */
record LocalOptions(Path config, String host, int port, Path dataDir) {
    static final String USAGE = """
            usage: bin/local [--config FILE] [--host ADDR] [--port N] [--data-dir DIR]
              --config FILE    LiteLLM-style config file (default examples/config.yaml)
              --host ADDR      address to listen on (default 0.0.0.0)
              --port N         port to listen on, 0-65535; 0 picks a free one (default 4000)
              --data-dir DIR   where keys, teams and spend are kept (default ./.tollgate)
            """;

    static final LocalOptions DEFAULTS =
            new LocalOptions(Path.of("examples/config.yaml"), "0.0.0.0", 4000, Path.of(".tollgate"));

    /** The command line was not understood; a null message means help was asked for. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }

        boolean helpRequested() {
            return getMessage() == null;
        }
    }

    /** Parses {@code --name VALUE} and {@code --name=VALUE}; later options win. */
    static LocalOptions parse(String... args) throws UsageException {
        LocalOptions o = DEFAULTS;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new UsageException(null);
            }
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String value;
            if (name.length() < arg.length()) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && isOption(name)) {
                value = args[++i];
            } else {
                value = null;
            }
            o = with(o, name, value);
        }
        return o;
    }

    private static boolean isOption(String name) {
        return switch (name) {
            case "--config", "--host", "--port", "--data-dir" -> true;
            default -> false;
        };
    }

    private static LocalOptions with(LocalOptions o, String name, String value) throws UsageException {
        if (!isOption(name)) {
            throw new UsageException("unknown option: " + name);
        }
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " needs a value");
        }
        return switch (name) {
            case "--config" -> new LocalOptions(Path.of(value), o.host, o.port, o.dataDir);
            case "--host" -> new LocalOptions(o.config, value, o.port, o.dataDir);
            case "--port" -> new LocalOptions(o.config, o.host, port(value), o.dataDir);
            default -> new LocalOptions(o.config, o.host, o.port, Path.of(value));
        };
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port: expected a number from 0 to 65535, got \"" + value + "\"");
    }
}
