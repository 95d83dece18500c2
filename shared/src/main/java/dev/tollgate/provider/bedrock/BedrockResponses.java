package dev.tollgate.provider.bedrock;

import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.FinishReason;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.ToolCall;
import dev.tollgate.openai.Usage;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/** Converse answers to OpenAI's shapes: the message, the finish reason, the usage. */
final class BedrockResponses {
    private BedrockResponses() {
    }

    /** @param jsonMode whether a {@value BedrockRequests#JSON_TOOL_NAME} call is the JSON answer (its input the text) */
    static ChatCompletion toOpenAi(ConverseResponse r, String model, String id, long created, boolean jsonMode) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        List<ContentBlock> blocks = r.output() == null || r.output().message() == null ? List.of()
                : r.output().message().content();
        for (ContentBlock b : blocks) {
            if (b.text() != null) {
                text.append(b.text());
            } else if (b.toolUse() != null && jsonMode && BedrockRequests.JSON_TOOL_NAME.equals(b.toolUse().name())) {
                text.append(Json.string(Documents.toJson(b.toolUse().input())));
            } else if (b.toolUse() != null) {
                calls.add(ToolCall.function(b.toolUse().toolUseId(), b.toolUse().name(),
                        Json.string(Documents.toJson(b.toolUse().input()))));
            } else if (b.reasoningContent() != null && b.reasoningContent().reasoningText() != null) {
                reasoning.append(b.reasoningContent().reasoningText().text());
            }
        }
        ChatCompletion.AssistantMessage message = new ChatCompletion.AssistantMessage("assistant",
                text.isEmpty() && !calls.isEmpty() ? null : text.toString(), calls, null,
                reasoning.isEmpty() ? null : reasoning.toString());
        String finish = jsonMode && calls.isEmpty() && "tool_use".equals(r.stopReasonAsString()) ? FinishReason.STOP
                : finishReason(r.stopReasonAsString());
        return ChatCompletion.of(id, created, model, List.of(new ChatCompletion.Choice(0, message, finish, null)),
                usage(r.usage()));
    }

    /** Converse's {@code stopReason} in OpenAI's vocabulary; an unknown one reads as stop. */
    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return FinishReason.STOP;
        }
        return switch (stopReason) {
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "guardrail_intervened", "content_filtered" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }

    /**
     * LiteLLM's convention, as for Anthropic: {@code inputTokens} excludes cached input, so
     * prompt_tokens = input + cache read + cache write; cached_tokens = cache read.
     */
    static Usage usage(TokenUsage u) {
        if (u == null) {
            return Usage.of(0, 0);
        }
        int read = orZero(u.cacheReadInputTokens());
        int write = orZero(u.cacheWriteInputTokens());
        int prompt = orZero(u.inputTokens()) + read + write;
        int output = orZero(u.outputTokens());
        return new Usage(prompt, output, prompt + output, new Usage.PromptTokensDetails(read, null), null,
                write == 0 ? null : write, read == 0 ? null : read);
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
