package dev.tollgate.config;

/**
 * The configuration cannot be used. The message is one line naming what is wrong and where,
 * e.g. {@code model_list[2].litellm_params.rpm: expected an integer, got "fast"}; it never holds a
 * secret's value. Thrown at start-up only. YAML parser exceptions are never attached as the cause,
 * since their messages quote the offending line of the file.
 */
public final class ConfigException extends RuntimeException {
    private final String path;

    ConfigException(String message) {
        this(null, message, null);
    }

    ConfigException(String message, Throwable cause) {
        this(null, message, cause);
    }

    private ConfigException(String path, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.path = path;
    }

    /** A bad value at {@code path}: the message reads {@code <path>: <problem>}. */
    static ConfigException at(String path, String problem) {
        return new ConfigException(path, path + ": " + problem, null);
    }

    /** A deployment whose provider settings cannot be used, found when its provider prepared it. */
    public static ConfigException forDeployment(Deployment d, String problem) {
        return new ConfigException(null, "model_list entry '" + d.modelName() + "' (id " + d.id() + ", "
                + d.provider().prefix() + "): " + problem, null);
    }

    /** The config path of the bad value ({@code model_list[2].litellm_params.rpm}), or null. */
    public String path() {
        return path;
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
