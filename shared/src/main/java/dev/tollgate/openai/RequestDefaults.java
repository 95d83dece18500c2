package dev.tollgate.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a deployment's {@code litellm_params} as defaults for what the caller left out, as LiteLLM
 * does, for providers whose translators read OpenAI parameters (rather than merging provider JSON).
 * A value of the wrong type is ignored: config was validated at start-up, a request must not fail on it.
 */
public final class RequestDefaults {
    /** Never taken from a deployment: they shape the conversation, not the sampling. */
    private static final Set<String> NOT_DEFAULTS = Set.of("model", "messages", "stream", "stream_options",
            "tools", "tool_choice", "functions", "function_call", "metadata");

    private RequestDefaults() {
    }

    public static ChatRequest apply(ChatRequest r, Map<String, JsonNode> defaults) {
        if (defaults.isEmpty()) {
            return r;
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>(r.extra());
        for (Map.Entry<String, JsonNode> d : defaults.entrySet()) {
            if (!NOT_DEFAULTS.contains(d.getKey()) && !typed(d.getKey()) && !extra.containsKey(d.getKey())) {
                extra.put(d.getKey(), d.getValue());
            }
        }
        return new ChatRequest(r.model(), r.messages(), r.stream(), r.includeUsage(),
                r.temperature() != null ? r.temperature() : number(defaults.get("temperature")),
                r.topP() != null ? r.topP() : number(defaults.get("top_p")),
                r.maxTokens() != null ? r.maxTokens() : integer(defaults.get("max_tokens")),
                r.maxCompletionTokens() != null ? r.maxCompletionTokens() : integer(defaults.get("max_completion_tokens")),
                r.stop() != null ? r.stop() : stop(defaults.get("stop")),
                r.n(), r.seed() != null ? r.seed() : longValue(defaults.get("seed")),
                r.user(), r.metadata(), r.tools(), r.toolChoice(), r.parallelToolCalls(), r.responseFormat(),
                extra, r.gatewayParams());
    }

    private static boolean typed(String name) {
        return switch (name) {
            case "temperature", "top_p", "max_tokens", "max_completion_tokens", "stop", "seed", "n", "user",
                 "parallel_tool_calls", "response_format" -> true;
            default -> false;
        };
    }

    private static Double number(JsonNode v) {
        return v != null && v.isNumber() ? v.doubleValue() : null;
    }

    private static Integer integer(JsonNode v) {
        return v != null && v.isIntegralNumber() && v.canConvertToInt() && v.intValue() > 0 ? v.intValue() : null;
    }

    private static Long longValue(JsonNode v) {
        return v != null && v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : null;
    }

    private static List<String> stop(JsonNode v) {
        if (v != null && v.isTextual()) {
            return List.of(v.textValue());
        }
        if (v == null || !v.isArray()) {
            return null;
        }
        List<String> stops = new ArrayList<>();
        v.forEach(s -> {
            if (s.isTextual()) {
                stops.add(s.textValue());
            }
        });
        return stops.isEmpty() ? null : stops;
    }
}
