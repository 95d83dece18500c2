package dev.tollgate.provider.gemini;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.FinishReason;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.ToolCall;
import dev.tollgate.openai.Usage;
import dev.tollgate.provider.gemini.GenerateWire.Candidate;
import dev.tollgate.provider.gemini.GenerateWire.Part;
import dev.tollgate.provider.gemini.GenerateWire.Response;
import dev.tollgate.provider.gemini.GenerateWire.UsageMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Gemini {@code GenerateContentResponse} to an OpenAI {@code chat.completion}: one choice per
 * candidate, text parts joined into {@code content} (thought parts into {@code reasoning_content}),
 * function calls into {@code tool_calls}. A prompt blocked before any candidate is a content-policy error.
 */
public final class GeminiResponses {
    private GeminiResponses() {
    }

    static Response parse(byte[] body, String provider) {
        Response r;
        try {
            r = Json.MAPPER.readValue(body, Response.class);
        } catch (IOException e) {
            throw new GatewayException(ErrorKind.UPSTREAM_ERROR, provider + " returned a body that is not JSON.");
        }
        if (r == null) {
            throw new GatewayException(ErrorKind.UPSTREAM_ERROR, provider + " returned an empty body.");
        }
        return r;
    }

    /** Parses a 200 body and translates it; shared with the Vertex AI transport. */
    public static ChatCompletion toOpenAi(byte[] body, String provider, String model, String fallbackId,
                                          long created) {
        return toOpenAi(parse(body, provider), provider, model, fallbackId, created);
    }

    static ChatCompletion toOpenAi(Response r, String provider, String model, String fallbackId, long created) {
        if (r.candidates() == null || r.candidates().isEmpty()) {
            throw blocked(r, provider);
        }
        List<ChatCompletion.Choice> choices = new ArrayList<>();
        int position = 0;
        for (Candidate c : r.candidates()) {
            int index = c.index() != null ? c.index() : position;
            choices.add(choice(c, index));
            position++;
        }
        return ChatCompletion.of(r.responseId() != null ? "chatcmpl-" + r.responseId() : fallbackId, created,
                r.modelVersion() != null ? r.modelVersion() : model, choices, usage(r.usageMetadata()));
    }

    private static ChatCompletion.Choice choice(Candidate c, int index) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        List<Part> parts = c.content() == null || c.content().parts() == null ? List.of() : c.content().parts();
        for (Part p : parts) {
            if (p.functionCall() != null) {
                calls.add(toolCall(p.functionCall(), p.thoughtSignature(), calls.size()));
            } else if (p.text() != null) {
                (Boolean.TRUE.equals(p.thought()) ? reasoning : text).append(p.text());
            }
        }
        ChatCompletion.AssistantMessage message = new ChatCompletion.AssistantMessage("assistant",
                text.isEmpty() ? null : text.toString(), calls, null, reasoning.isEmpty() ? null : reasoning.toString());
        return new ChatCompletion.Choice(index, message, finishReason(c.finishReason(), !calls.isEmpty()), null);
    }

    /**
     * Gemini's id when it gives one (newer models do), else {@code call_<n>}; args as a JSON string. A
     * thought signature rides in the id (as LiteLLM does it), so that it comes back with the call.
     */
    static ToolCall toolCall(GenerateWire.FunctionCall fc, String thoughtSignature, int n) {
        String id = fc.id() != null && !fc.id().isEmpty() ? fc.id() : "call_" + n;
        return ToolCall.function(ToolCallIds.withSignature(id, thoughtSignature), fc.name(),
                fc.args() == null ? "{}" : Json.string(fc.args()));
    }

    /**
     * STOP→stop (tool_calls when a function was called), MAX_TOKENS→length, the safety family
     * (SAFETY, RECITATION, BLOCKLIST, PROHIBITED_CONTENT, SPII, IMAGE_SAFETY)→content_filter, others→stop.
     */
    static String finishReason(String reason, boolean hasToolCalls) {
        String mapped = switch (reason == null ? "" : reason) {
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" ->
                    FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
        return hasToolCalls && FinishReason.STOP.equals(mapped) ? FinishReason.TOOL_CALLS : mapped;
    }

    /** Thoughts count as completion tokens (they are billed as output) and as reasoning tokens. */
    static Usage usage(UsageMetadata u) {
        if (u == null) {
            return Usage.of(0, 0);
        }
        int prompt = orZero(u.promptTokenCount());
        int thoughts = orZero(u.thoughtsTokenCount());
        int completion = orZero(u.candidatesTokenCount()) + thoughts;
        int total = u.totalTokenCount() != null ? u.totalTokenCount() : prompt + completion;
        Usage.PromptTokensDetails cached = u.cachedContentTokenCount() == null ? null
                : new Usage.PromptTokensDetails(u.cachedContentTokenCount(), null);
        Usage.CompletionTokensDetails reasoning = thoughts == 0 ? null
                : new Usage.CompletionTokensDetails(thoughts, null, null, null);
        return new Usage(prompt, completion, total, cached, reasoning, null, null);
    }

    /** No candidates: the prompt was blocked (promptFeedback.blockReason), a content-policy error. */
    static GatewayException blocked(Response r, String provider) {
        String reason = r.promptFeedback() == null ? null : r.promptFeedback().blockReason();
        if (reason == null) {
            return new GatewayException(ErrorKind.UPSTREAM_ERROR, provider + " returned no candidates.");
        }
        String detail = r.promptFeedback().blockReasonMessage();
        return new GatewayException(ErrorKind.CONTENT_POLICY, provider + " blocked the prompt: " + reason
                + (detail == null ? "" : " (" + detail + ")"), null, null, null, null);
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
