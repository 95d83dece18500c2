package dev.tollgate.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.ProviderKind;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.DeploymentParams;
import java.util.Map;

/** Builds the body of an OpenAI-style {@code /chat/completions} call. Pure. */
final class OpenAiRequests {
    private OpenAiRequests() {
    }

    static ObjectNode toOpenAi(ChatRequest r, Deployment d) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", d.upstreamModel());
        JsonNode messages = Json.MAPPER.valueToTree(r.messages());
        if (d.provider() != ProviderKind.OPENROUTER) {
            stripCacheControl(messages);
        }
        body.set("messages", messages);
        if (r.stream()) {
            body.put("stream", true);
            if (asksUsageUpstream(d.provider(), r)) {
                // always asked for, so the gateway can account for every stream; the caller only sees
                // the usage chunk if it asked for it
                body.putObject("stream_options").put("include_usage", true);
            }
        }
        putIfSet(body, "temperature", r.temperature());
        putIfSet(body, "top_p", r.topP());
        putIfSet(body, "max_tokens", r.maxTokens());
        putIfSet(body, "max_completion_tokens", r.maxCompletionTokens());
        putIfSet(body, "stop", r.stop());
        putIfSet(body, "n", r.n());
        putIfSet(body, "seed", r.seed());
        putIfSet(body, "user", r.user());
        putIfSet(body, "tools", r.tools());
        putIfSet(body, "tool_choice", r.toolChoice());
        putIfSet(body, "parallel_tool_calls", r.parallelToolCalls());
        putIfSet(body, "response_format", r.responseFormat());
        for (Map.Entry<String, JsonNode> e : r.extra().entrySet()) {
            body.set(e.getKey(), e.getValue());
        }
        DeploymentParams.mergeInto(body, d);
        return body;
    }

    /**
     * Mistral's API rejects fields it does not know, {@code stream_options} among them, and sends
     * usage on its last chunk anyway.
     */
    private static boolean asksUsageUpstream(ProviderKind kind, ChatRequest r) {
        return kind != ProviderKind.MISTRAL || r.includeUsage() != null;
    }

    /**
     * {@code cache_control} is Anthropic's prompt-cache marker. OpenRouter passes it on to Anthropic
     * models; OpenAI and Azure reject it ("Unrecognized request argument"), and cache automatically.
     */
    private static void stripCacheControl(JsonNode messages) {
        for (JsonNode m : messages) {
            for (JsonNode part : m.path("content")) {
                if (part.isObject()) {
                    ((ObjectNode) part).remove("cache_control");
                }
            }
        }
    }

    private static void putIfSet(ObjectNode body, String name, Object value) {
        if (value != null) {
            body.set(name, Json.MAPPER.valueToTree(value));
        }
    }
}
