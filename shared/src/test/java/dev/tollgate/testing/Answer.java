package dev.tollgate.testing;

import java.util.List;

/**
 * What a mock upstream should answer, independent of any provider's wire format. A
 * {@link ProviderWire} turns it into that provider's real bodies and stream events.
 *
 * @param finishReason OpenAI's vocabulary (stop, length, tool_calls, content_filter); each wire
 *                     maps it to its own (Anthropic end_turn, max_tokens, tool_use ...)
 */
public record Answer(String text, List<ToolCallSpec> toolCalls, String finishReason, int promptTokens,
                     int completionTokens, int cachedTokens) {

    public record ToolCallSpec(String id, String name, String argumentsJson) {
    }

    public Answer {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static Answer text(String text) {
        return new Answer(text, List.of(), "stop", 12, 7, 0);
    }

    public static Answer toolCall(String id, String name, String argumentsJson) {
        return new Answer(null, List.of(new ToolCallSpec(id, name, argumentsJson)), "tool_calls", 30, 18, 0);
    }

    public Answer withUsage(int prompt, int completion, int cached) {
        return new Answer(text, toolCalls, finishReason, prompt, completion, cached);
    }

    public Answer withFinishReason(String reason) {
        return new Answer(text, toolCalls, reason, promptTokens, completionTokens, cachedTokens);
    }
}
