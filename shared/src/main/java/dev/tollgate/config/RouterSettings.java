package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/**
 * {@code router_settings}, typed. Every key is also kept in {@code raw} for features that read
 * settings the router does not (redis ...).
 *
 * @param allowedFails   failures a deployment may have within a minute before it cools down
 * @param cooldownTime   how long a deployment stays out once cooled down
 * @param retryAfter     the least wait before a retry that goes back to a deployment already tried
 * @param latencyWindow  how old a latency sample may be and still count (latency-based-routing)
 * @param latencyBuffer  deployments within this fraction of the lowest latency are picked at random
 */
public record RouterSettings(String routingStrategy, int numRetries, Duration timeout, Duration streamTimeout,
                             Map<String, JsonNode> raw, int allowedFails, Duration cooldownTime,
                             Duration retryAfter, FallbackSettings fallbacks, boolean enablePreCallChecks,
                             Duration latencyWindow, double latencyBuffer) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    /** LiteLLM's Router default (openai.DEFAULT_MAX_RETRIES). */
    public static final int DEFAULT_NUM_RETRIES = 2;
    /** LiteLLM's litellm.allowed_fails. */
    public static final int DEFAULT_ALLOWED_FAILS = 3;
    /** LiteLLM's DEFAULT_COOLDOWN_TIME_SECONDS. */
    public static final Duration DEFAULT_COOLDOWN_TIME = Duration.ofSeconds(5);
    /** LiteLLM's lowest-latency RoutingArgs.ttl. */
    public static final Duration DEFAULT_LATENCY_WINDOW = Duration.ofHours(1);

    public RouterSettings {
        raw = raw == null ? Map.of() : Map.copyOf(raw);
        cooldownTime = cooldownTime == null ? DEFAULT_COOLDOWN_TIME : cooldownTime;
        retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
        fallbacks = fallbacks == null ? FallbackSettings.NONE : fallbacks;
        latencyWindow = latencyWindow == null ? DEFAULT_LATENCY_WINDOW : latencyWindow;
    }

    /** The strategy, retries and timeouts given; every other setting at its default. */
    public RouterSettings(String routingStrategy, int numRetries, Duration timeout, Duration streamTimeout,
                          Map<String, JsonNode> raw) {
        this(routingStrategy, numRetries, timeout, streamTimeout, raw, DEFAULT_ALLOWED_FAILS, DEFAULT_COOLDOWN_TIME,
                Duration.ZERO, FallbackSettings.NONE, false, DEFAULT_LATENCY_WINDOW, 0);
    }

    /** Setting names only: values may be credentials (redis_password, database_url ...). */
    @Override
    public String toString() {
        return "RouterSettings" + raw.keySet();
    }
}
