package dev.tollgate.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.FallbackSettings;
import dev.tollgate.error.GatewayException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The model groups one call may fall back to, by what went wrong: a context-length error goes to
 * {@code context_window_fallbacks}, a content-policy refusal to {@code content_policy_fallbacks},
 * and any other failure another deployment could survive (429, 5xx, timeouts, connection errors,
 * every deployment cooling down) to {@code fallbacks}: the request body's when it gives some, else
 * the config's for this model, else {@code default_fallbacks}. A caller's bad request falls back
 * nowhere. Targets are tried in order, each only once, never the model itself; a target's own
 * fallbacks are not followed.
 */
record FallbackPlan(List<String> general, List<String> contextWindow, List<String> contentPolicy) {

    static FallbackPlan of(String model, FallbackSettings settings, JsonNode requestFallbacks) {
        List<String> general = requestFallbacks != null
                ? CallOverrides.RequestFallbacks.forModel(requestFallbacks, model)
                : settings.general().getOrDefault(model, settings.defaults());
        return new FallbackPlan(clean(general, model),
                clean(settings.contextWindow().getOrDefault(model, List.of()), model),
                clean(settings.contentPolicy().getOrDefault(model, List.of()), model));
    }

    /** Where to go after the model's own group failed with {@code e}. */
    List<String> after(GatewayException e) {
        return switch (e.kind()) {
            case CONTEXT_WINDOW_EXCEEDED -> contextWindow;
            case CONTENT_POLICY -> contentPolicy;
            default -> e.kind().mayRetry() ? general : List.of();
        };
    }

    private static List<String> clean(List<String> targets, String model) {
        if (targets.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>(targets);
        unique.remove(model);
        return List.copyOf(unique);
    }
}
