package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/**
 * {@code router_settings}. The fields read today are typed; the rest are kept in {@code raw} for
 * the router to read as it grows (fallbacks, cooldowns ...).
 */
public record RouterSettings(String routingStrategy, int numRetries, Duration timeout, Duration streamTimeout,
                             Map<String, JsonNode> raw) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

    public RouterSettings {
        raw = raw == null ? Map.of() : Map.copyOf(raw);
    }

    /** Setting names only: values may be credentials (redis_password, database_url ...). */
    @Override
    public String toString() {
        return "RouterSettings" + raw.keySet();
    }
}
