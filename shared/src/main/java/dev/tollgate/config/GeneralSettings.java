package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/**
 * {@code general_settings}. {@code masterKey} is null when the gateway runs open (no auth).
 * {@code maxRequestBodyBytes} bounds every request body (default 10 MiB). {@code keyCacheTtl} is
 * LiteLLM's {@code user_api_key_cache_ttl}: how long a process may serve a key or team from memory
 * before reading it again (default 30 s), so the bound on how late a change made elsewhere is seen.
 */
public record GeneralSettings(Secret masterKey, long maxRequestBodyBytes, Duration keyCacheTtl,
                              Map<String, JsonNode> raw) {
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_KEY_CACHE_TTL = Duration.ofSeconds(30);

    public GeneralSettings {
        keyCacheTtl = keyCacheTtl == null ? DEFAULT_KEY_CACHE_TTL : keyCacheTtl;
        raw = raw == null ? Map.of() : Map.copyOf(raw);
    }

    public GeneralSettings(Secret masterKey, long maxRequestBodyBytes, Map<String, JsonNode> raw) {
        this(masterKey, maxRequestBodyBytes, DEFAULT_KEY_CACHE_TTL, raw);
    }

    /** Setting names only: values may be credentials (redis_password, database_url ...). */
    @Override
    public String toString() {
        return "GeneralSettings" + raw.keySet();
    }
}
