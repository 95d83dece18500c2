package dev.tollgate.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.UpstreamCall.ErrorDetail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the error bodies of OpenAI-style servers: OpenAI's {@code {"error":{...}}}, a bare
 * {@code {"error":"..."}}, and FastAPI's {@code {"detail":...}} (vLLM and friends). Pure; never throws.
 */
final class OpenAiErrors {
    private static final int MAX_MESSAGE_CHARS = 2000;

    private OpenAiErrors() {
    }

    static ErrorDetail parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return new ErrorDetail(plain(body), null);
        }
        return fromJson(root);
    }

    static ErrorDetail fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            return new ErrorDetail(root == null ? null : truncate(root.toString()), null);
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            String code = error.hasNonNull("code") ? error.get("code").asText() : error.path("type").asText(null);
            return new ErrorDetail(truncate(error.path("message").asText(null)), code);
        }
        if (error != null && error.isTextual()) {
            return new ErrorDetail(truncate(error.textValue()), null);
        }
        JsonNode detail = root.has("detail") ? root.get("detail") : root.get("message");
        if (detail != null) {
            return new ErrorDetail(truncate(detail.isTextual() ? detail.textValue() : detail.toString()), null);
        }
        return new ErrorDetail(truncate(root.toString()), null);
    }

    private static String plain(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8).strip();
        return s.isEmpty() ? null : truncate(s);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
