package dev.tollgate.provider.anthropic;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.FinishReason;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.ToolCall;
import dev.tollgate.openai.Usage;
import dev.tollgate.provider.anthropic.MessagesWire.ContentBlock;
import dev.tollgate.provider.anthropic.MessagesWire.Message;
import dev.tollgate.provider.anthropic.MessagesWire.WireUsage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An Anthropic {@code message} to an OpenAI {@code chat.completion}. Text blocks are joined into
 * {@code content}, {@code tool_use} blocks become {@code tool_calls}, thinking blocks become
 * {@code reasoning_content}. The id is Anthropic's message id, so a completion can be traced in
 * Anthropic's logs.
 */
final class AnthropicResponses {
    private AnthropicResponses() {
    }

    /** Parses a 200 body; a body that is not a message is an upstream error. */
    static Message parse(byte[] body) {
        Message m;
        try {
            m = Json.MAPPER.readValue(body, Message.class);
        } catch (IOException e) {
            throw new GatewayException(ErrorKind.UPSTREAM_ERROR, "anthropic returned a body that is not JSON.");
        }
        if (m == null || m.content() == null) {
            throw new GatewayException(ErrorKind.UPSTREAM_ERROR, "anthropic returned a body without 'content'.");
        }
        return m;
    }

    /**
     * @param model      the model to report when the body names none
     * @param fallbackId the id to use when the body has none
     * @param created    the {@code created} timestamp, in epoch seconds
     * @param jsonMode   whether a {@value AnthropicRequests#JSON_TOOL_NAME} call is the JSON answer
     */
    static ChatCompletion toOpenAi(Message m, String model, String fallbackId, long created, boolean jsonMode) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (ContentBlock b : m.content()) {
            switch (b.type() == null ? "" : b.type()) {
                case "text" -> text.append(b.text() == null ? "" : b.text());
                case "thinking" -> reasoning.append(b.thinking() == null ? "" : b.thinking());
                case "tool_use" -> {
                    String args = b.input() == null ? "{}" : Json.string(b.input());
                    if (jsonMode && AnthropicRequests.JSON_TOOL_NAME.equals(b.name())) {
                        text.append(args);
                    } else {
                        calls.add(ToolCall.function(b.id(), b.name(), args));
                    }
                }
                default -> {
                    // redacted_thinking, server tool blocks ...: nothing OpenAI's shape can carry
                }
            }
        }
        String finish = finishReason(m.stopReason(), !calls.isEmpty());
        ChatCompletion.AssistantMessage message = new ChatCompletion.AssistantMessage("assistant",
                text.isEmpty() ? null : text.toString(), calls, null,
                reasoning.isEmpty() ? null : reasoning.toString());
        return ChatCompletion.of(m.id() != null ? m.id() : fallbackId, created,
                m.model() != null ? m.model() : model,
                List.of(new ChatCompletion.Choice(0, message, finish, null)), usage(m.usage()));
    }

    /**
     * end_turn, stop_sequence, pause_turn → stop; max_tokens and a full context window → length;
     * tool_use → tool_calls (stop when the only tool call was the JSON answer); refusal → content_filter.
     */
    static String finishReason(String stopReason, boolean hasToolCalls) {
        if (stopReason == null) {
            return hasToolCalls ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> hasToolCalls ? FinishReason.TOOL_CALLS : FinishReason.STOP;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }

    static Usage usage(WireUsage u) {
        if (u == null) {
            return usage(0, 0, 0, 0);
        }
        return usage(orZero(u.inputTokens()), orZero(u.outputTokens()), orZero(u.cacheReadInputTokens()),
                orZero(u.cacheCreationInputTokens()));
    }

    /**
     * LiteLLM's convention: Anthropic's {@code input_tokens} counts only uncached input, so
     * prompt_tokens = input + cache read + cache creation; cached_tokens = cache read.
     */
    static Usage usage(int input, int output, int cacheRead, int cacheCreation) {
        int prompt = input + cacheRead + cacheCreation;
        return new Usage(prompt, output, prompt + output, new Usage.PromptTokensDetails(cacheRead, null), null,
                cacheCreation, cacheRead);
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
