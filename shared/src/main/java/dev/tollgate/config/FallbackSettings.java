package dev.tollgate.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a call goes when its model group fails, as LiteLLM's {@code fallbacks},
 * {@code context_window_fallbacks}, {@code content_policy_fallbacks} (model name to model names, in
 * the order to try) and {@code default_fallbacks} (for model names without their own entry).
 */
public record FallbackSettings(Map<String, List<String>> general, Map<String, List<String>> contextWindow,
                               Map<String, List<String>> contentPolicy, List<String> defaults) {
    public static final FallbackSettings NONE = new FallbackSettings(Map.of(), Map.of(), Map.of(), List.of());

    public FallbackSettings {
        general = copy(general);
        contextWindow = copy(contextWindow);
        contentPolicy = copy(contentPolicy);
        defaults = defaults == null ? List.of() : List.copyOf(defaults);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
