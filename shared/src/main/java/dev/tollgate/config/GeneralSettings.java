package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code general_settings}. {@code masterKey} is null when the gateway runs open (no auth).
 * {@code maxRequestBodyBytes} bounds every request body (default 10 MiB).
 */
public record GeneralSettings(Secret masterKey, long maxRequestBodyBytes, Map<String, JsonNode> raw) {
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 10L * 1024 * 1024;

    public GeneralSettings {
        raw = raw == null ? Map.of() : Map.copyOf(raw);
    }

    /** Setting names only: values may be credentials (redis_password, database_url ...). */
    @Override
    public String toString() {
        return "GeneralSettings" + raw.keySet();
    }
}
