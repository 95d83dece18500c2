package dev.tollgate.keys;

import dev.tollgate.http.Exchange;

/**
 * Where callers put their key: {@code Authorization: Bearer}, as OpenAI SDKs do, or the
 * {@code api-key} (Azure SDKs) and {@code x-api-key} (Anthropic SDKs) headers LiteLLM also accepts.
 */
public final class BearerKey {
    private BearerKey() {
    }

    /** The key the caller sent, or null. */
    public static String from(Exchange ex) {
        String auth = ex.header("Authorization");
        if (auth != null) {
            String trimmed = auth.strip();
            if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String key = trimmed.substring(7).strip();
                return key.isEmpty() ? null : key;
            }
            return trimmed.isEmpty() ? null : trimmed;
        }
        String key = ex.header("api-key");
        if (key == null) {
            key = ex.header("x-api-key");
        }
        return key == null || key.isBlank() ? null : key.strip();
    }
}
