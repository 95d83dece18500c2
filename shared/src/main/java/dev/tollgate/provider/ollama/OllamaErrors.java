package dev.tollgate.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.UpstreamCall.ErrorDetail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads Ollama's error bodies, {@code {"error":"..."}} (an unknown model is a 404 with
 * {@code model "x" not found}), or plain text from a proxy in front. Pure; never throws.
 */
final class OllamaErrors {
    private static final int MAX_MESSAGE_CHARS = 2000;

    private OllamaErrors() {
    }

    static ErrorDetail parse(byte[] body) {
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            if (root != null && root.has("error")) {
                return new ErrorDetail(message(root.get("error")), null);
            }
        } catch (IOException notJson) {
            // plain text below
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return new ErrorDetail(text.isEmpty() ? null : truncate(text), null);
    }

    /** The text of an {@code error} field: a string, or (from OpenAI-style proxies) an object with a message. */
    static String message(JsonNode error) {
        String text = error.isTextual() ? error.textValue()
                : error.hasNonNull("message") ? error.get("message").asText() : error.toString();
        return truncate(text);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
