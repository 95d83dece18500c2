package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code litellm_settings}: {@code drop_params} is read today, the rest kept in {@code raw}. */
public record LitellmSettings(boolean dropParams, Map<String, JsonNode> raw) {
    public LitellmSettings {
        raw = raw == null ? Map.of() : Map.copyOf(raw);
    }

    /** Setting names only: values may be credentials (redis_password, database_url ...). */
    @Override
    public String toString() {
        return "LitellmSettings" + raw.keySet();
    }
}
