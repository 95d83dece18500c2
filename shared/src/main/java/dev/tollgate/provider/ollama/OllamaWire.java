package dev.tollgate.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Ollama's answer records: one {@code /api/chat} body or NDJSON stream line. Ignores unknown fields. */
final class OllamaWire {
    private OllamaWire() {
    }

    /** A whole answer, or one stream line; {@code error} is set on an error line instead. */
    record ChatLine(String model, String createdAt, WireMessage message, boolean done, String doneReason,
                    Integer promptEvalCount, Integer evalCount, JsonNode error) {
    }

    record WireMessage(String role, String content, String thinking, List<WireToolCall> toolCalls) {
    }

    record WireToolCall(String id, WireFunction function) {
    }

    /** {@code arguments} is an object, not OpenAI's JSON string. */
    record WireFunction(Integer index, String name, JsonNode arguments) {
    }
}
