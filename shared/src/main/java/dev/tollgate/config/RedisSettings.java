package dev.tollgate.config;

/**
 * Where the shared Redis (ElastiCache/Valkey on AWS) is: from {@code router_settings.redis_url}, or
 * {@code redis_host}, {@code redis_port} and {@code redis_password}, as in LiteLLM. Absent means
 * every counter and cooldown stays in the process.
 *
 * @param tls      {@code rediss://} (ElastiCache serverless requires it)
 * @param username ACL user, or null for the default user
 * @param password null when the server has no AUTH
 */
public record RedisSettings(String host, int port, boolean tls, String username, Secret password, int database) {
    public static final int DEFAULT_PORT = 6379;

    /** Where it is, never the password. */
    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database;
    }
}
