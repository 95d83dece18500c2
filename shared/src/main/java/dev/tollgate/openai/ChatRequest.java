package dev.tollgate.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code /v1/chat/completions} request. Optional parameters are null when the caller
 * left them out. {@code extra} holds the other provider parameters (presence_penalty, logprobs ...)
 * as they came; {@code gatewayParams} holds the ones the gateway itself consumes (fallbacks,
 * num_retries ...) and never forwards.
 */
public record ChatRequest(
        String model,
        List<Message> messages,
        boolean stream,
        Boolean includeUsage,
        Double temperature,
        Double topP,
        Integer maxTokens,
        Integer maxCompletionTokens,
        List<String> stop,
        Integer n,
        Long seed,
        String user,
        JsonNode metadata,
        List<Tool> tools,
        ToolChoice toolChoice,
        Boolean parallelToolCalls,
        ResponseFormat responseFormat,
        Map<String, JsonNode> extra,
        Map<String, JsonNode> gatewayParams) {

    public ChatRequest {
        messages = List.copyOf(messages);
        stop = stop == null ? null : List.copyOf(stop);
        tools = tools == null ? null : List.copyOf(tools);
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        gatewayParams = gatewayParams == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(gatewayParams));
    }

    /** The wire names of the optional provider parameters this request sets. */
    public List<String> presentParams() {
        List<String> names = new ArrayList<>();
        addIf(names, "stream_options", includeUsage);
        addIf(names, "temperature", temperature);
        addIf(names, "top_p", topP);
        addIf(names, "max_tokens", maxTokens);
        addIf(names, "max_completion_tokens", maxCompletionTokens);
        addIf(names, "stop", stop);
        addIf(names, "n", n);
        addIf(names, "seed", seed);
        addIf(names, "user", user);
        addIf(names, "tools", tools);
        addIf(names, "tool_choice", toolChoice);
        addIf(names, "parallel_tool_calls", parallelToolCalls);
        addIf(names, "response_format", responseFormat);
        names.addAll(extra.keySet());
        return names;
    }

    private static void addIf(List<String> names, String name, Object value) {
        if (value != null) {
            names.add(name);
        }
    }

    /** A copy without the named optional parameters. */
    public ChatRequest without(Set<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        Map<String, JsonNode> keptExtra = new LinkedHashMap<>(extra);
        keptExtra.keySet().removeAll(names);
        return new ChatRequest(model, messages, stream,
                names.contains("stream_options") ? null : includeUsage,
                names.contains("temperature") ? null : temperature,
                names.contains("top_p") ? null : topP,
                names.contains("max_tokens") ? null : maxTokens,
                names.contains("max_completion_tokens") ? null : maxCompletionTokens,
                names.contains("stop") ? null : stop,
                names.contains("n") ? null : n,
                names.contains("seed") ? null : seed,
                names.contains("user") ? null : user,
                metadata,
                names.contains("tools") ? null : tools,
                names.contains("tool_choice") ? null : toolChoice,
                names.contains("parallel_tool_calls") ? null : parallelToolCalls,
                names.contains("response_format") ? null : responseFormat,
                keptExtra, gatewayParams);
    }

    /** A copy addressed to another model name (an upstream model id, or a fallback group). */
    public ChatRequest withModel(String newModel) {
        return new ChatRequest(newModel, messages, stream, includeUsage, temperature, topP, maxTokens,
                maxCompletionTokens, stop, n, seed, user, metadata, tools, toolChoice, parallelToolCalls,
                responseFormat, extra, gatewayParams);
    }

    /** The completion-token cap the caller asked for, under either name. */
    public Integer maxOutputTokens() {
        return maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    }

    public boolean wantsStreamUsage() {
        return Boolean.TRUE.equals(includeUsage);
    }
}
