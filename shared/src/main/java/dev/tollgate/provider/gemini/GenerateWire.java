package dev.tollgate.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The response side of Gemini's {@code generateContent}, as records. Gemini's JSON is camelCase, so
 * each record overrides {@link dev.tollgate.openai.Json#MAPPER}'s snake_case naming; unknown fields
 * are ignored on read. The request side is built as a JSON tree by {@link GeminiRequests}.
 */
final class GenerateWire {
    private GenerateWire() {
    }

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Response(List<Candidate> candidates, PromptFeedback promptFeedback, UsageMetadata usageMetadata,
                    String modelVersion, String responseId, ErrorBody error) {
    }

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Candidate(Content content, String finishReason, Integer index) {
    }

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Content(String role, List<Part> parts) {
    }

    /**
     * A part of an answer: text (a thought summary when {@code thought} is true) or a function call,
     * with the opaque signature of the model's reasoning that Gemini 3 wants back with the call.
     */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Part(String text, Boolean thought, FunctionCall functionCall, String thoughtSignature) {
    }

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record FunctionCall(String id, String name, JsonNode args) {
    }

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record PromptFeedback(String blockReason, String blockReasonMessage) {
    }

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record UsageMetadata(Integer promptTokenCount, Integer candidatesTokenCount, Integer thoughtsTokenCount,
                         Integer totalTokenCount, Integer cachedContentTokenCount) {
    }

    /** {@code {"error":{"code","message","status"}}}, Google's error shape, also sent inside a stream. */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record ErrorBody(Integer code, String message, String status) {
    }

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record ErrorEnvelope(ErrorBody error) {
    }
}
