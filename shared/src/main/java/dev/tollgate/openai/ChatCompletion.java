package dev.tollgate.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A non-streamed answer, in OpenAI's {@code chat.completion} shape. */
public record ChatCompletion(
        String id,
        String object,
        long created,
        String model,
        List<Choice> choices,
        Usage usage,
        String systemFingerprint,
        String serviceTier) {

    public ChatCompletion {
        choices = List.copyOf(choices);
    }

    public static ChatCompletion of(String id, long created, String model, List<Choice> choices, Usage usage) {
        return new ChatCompletion(id, "chat.completion", created, model, choices, usage, null, null);
    }

    public ChatCompletion withModel(String newModel) {
        return new ChatCompletion(id, object, created, newModel, choices, usage, systemFingerprint, serviceTier);
    }

    public record Choice(
            int index,
            AssistantMessage message,
            @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason,
            @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode logprobs) {
    }

    /** The assistant's turn; {@code content} is always written, as null when there is only a tool call. */
    public record AssistantMessage(
            String role,
            @JsonInclude(JsonInclude.Include.ALWAYS) String content,
            List<ToolCall> toolCalls,
            String refusal,
            String reasoningContent) {

        public AssistantMessage {
            toolCalls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
        }

        public static AssistantMessage of(String content, List<ToolCall> toolCalls) {
            return new AssistantMessage("assistant", content, toolCalls, null, null);
        }
    }
}
