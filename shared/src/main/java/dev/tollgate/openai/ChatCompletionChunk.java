package dev.tollgate.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One server-sent event of a streamed answer, in OpenAI's {@code chat.completion.chunk} shape. */
public record ChatCompletionChunk(
        String id,
        String object,
        long created,
        String model,
        List<ChunkChoice> choices,
        Usage usage,
        String systemFingerprint) {

    public ChatCompletionChunk {
        choices = List.copyOf(choices);
    }

    public static ChatCompletionChunk of(String id, long created, String model, List<ChunkChoice> choices) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, choices, null, null);
    }

    /** The usage-only chunk sent last when the caller asked for {@code stream_options.include_usage}. */
    public static ChatCompletionChunk usageOnly(String id, long created, String model, Usage usage) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, List.of(), usage, null);
    }

    public ChatCompletionChunk withModel(String newModel) {
        return new ChatCompletionChunk(id, object, created, newModel, choices, usage, systemFingerprint);
    }

    public ChatCompletionChunk withoutUsage() {
        return new ChatCompletionChunk(id, object, created, model, choices, null, systemFingerprint);
    }

    public record ChunkChoice(
            int index,
            Delta delta,
            @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason,
            @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode logprobs) {

        public static ChunkChoice of(int index, Delta delta, String finishReason) {
            return new ChunkChoice(index, delta, finishReason, null);
        }
    }

    /** What one chunk adds to the assistant message; absent fields are left out of the JSON. */
    public record Delta(String role, String content, List<ToolCallDelta> toolCalls, String refusal,
                        String reasoningContent) {

        public static final Delta EMPTY = new Delta(null, null, null, null, null);

        public static Delta role(String role) {
            return new Delta(role, null, null, null, null);
        }

        public static Delta content(String text) {
            return new Delta(null, text, null, null, null);
        }

        public static Delta toolCall(ToolCallDelta call) {
            return new Delta(null, null, List.of(call), null, null);
        }
    }

    /** A piece of a tool call: the first for an index carries id and name, later ones more arguments. */
    public record ToolCallDelta(int index, String id, String type, FunctionDelta function) {

        public record FunctionDelta(String name, String arguments) {
        }

        public static ToolCallDelta start(int index, String id, String name) {
            return new ToolCallDelta(index, id, "function", new FunctionDelta(name, ""));
        }

        public static ToolCallDelta arguments(int index, String argumentsPart) {
            return new ToolCallDelta(index, null, null, new FunctionDelta(null, argumentsPart));
        }
    }
}
