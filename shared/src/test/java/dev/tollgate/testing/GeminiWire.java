package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gemini API as the mock speaks it: {@code POST <root>/v1beta/models/{model}:generateContent} and
 * {@code :streamGenerateContent?alt=sse} (each SSE event a whole GenerateContentResponse, the last one
 * with finishReason and usageMetadata, no end marker), {@code :batchEmbedContents}, key in
 * {@code x-goog-api-key}, errors as {@code {"error":{"code","message","status"}}}. Function calls carry
 * their {@code id}, as current Gemini models send it.
 */
public class GeminiWire implements ProviderWire, EmbeddingWire {
    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String prefix() {
        return "gemini";
    }

    @Override
    public String apiBase(String mockRoot) {
        return mockRoot;
    }

    @Override
    public boolean isStream(String path, JsonNode body) {
        return path.endsWith(":streamGenerateContent");
    }

    @Override
    public byte[] body(Answer answer, String model) {
        ObjectNode r = response(model);
        ObjectNode candidate = r.putArray("candidates").addObject();
        ArrayNode parts = candidate.putObject("content").put("role", "model").putArray("parts");
        if (answer.text() != null) {
            parts.addObject().put("text", answer.text());
        }
        answer.toolCalls().forEach(c -> parts.add(functionCall(c)));
        candidate.put("finishReason", finishReason(answer.finishReason())).put("index", 0);
        r.set("usageMetadata", usage(answer, answer.completionTokens()));
        return WireText.bytes(r);
    }

    @Override
    public List<String> events(Answer answer, String model) {
        List<String> frames = new ArrayList<>();
        List<ObjectNode> parts = new ArrayList<>();
        if (answer.text() != null) {
            for (String piece : WireText.pieces(answer.text())) {
                parts.add(JSON.createObjectNode().put("text", piece));
            }
        }
        answer.toolCalls().forEach(c -> parts.add(functionCall(c)));
        for (int i = 0; i < parts.size(); i++) {
            frames.add(frame(chunk(model, parts.get(i), null, usage(answer, i + 1))));
        }
        frames.add(frame(chunk(model, JSON.createObjectNode().put("text", ""), finishReason(answer.finishReason()),
                usage(answer, answer.completionTokens()))));
        return frames;
    }

    @Override
    public byte[] errorBody(int status, String message) {
        return WireText.bytes(error(status, message));
    }

    @Override
    public String streamErrorEvent(String message) {
        return frame(error(503, message));
    }

    @Override
    public String apiKeyFrom(Headers headers) {
        return headers.getFirst("x-goog-api-key");
    }

    @Override
    public boolean isEmbedding(String path, JsonNode body) {
        return path.endsWith(":batchEmbedContents");
    }

    @Override
    public int inputCount(JsonNode body) {
        return body.path("requests").size();
    }

    @Override
    public byte[] embeddingBody(List<float[]> vectors, int promptTokens, String model) {
        ObjectNode r = JSON.createObjectNode();
        ArrayNode embeddings = r.putArray("embeddings");
        for (float[] v : vectors) {
            ArrayNode values = embeddings.addObject().putArray("values");
            for (float f : v) {
                values.add(f);
            }
        }
        return WireText.bytes(r);
    }

    /** Gemini reports no embedding tokens; the gateway estimates ceil(chars / 4) per input. */
    @Override
    public int expectedPromptTokens(List<String> inputs) {
        return inputs.stream().mapToInt(s -> (s.length() + 3) / 4).sum();
    }

    /** Google's status name for an HTTP status, as its APIs document them. */
    static String status(int code) {
        return switch (code) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> "INTERNAL";
        };
    }

    static ObjectNode error(int code, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("error").put("code", code).put("message", message).put("status", status(code));
        return node;
    }

    private static ObjectNode response(String model) {
        return JSON.createObjectNode().put("modelVersion", model).put("responseId", "mockResp123");
    }

    /** One streamed GenerateContentResponse; the last carries the finishReason, as Gemini's final chunk does. */
    private static ObjectNode chunk(String model, ObjectNode part, String finishReason, ObjectNode usage) {
        ObjectNode r = response(model);
        ObjectNode candidate = r.putArray("candidates").addObject();
        candidate.putObject("content").put("role", "model").putArray("parts").add(part);
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
        }
        candidate.put("index", 0);
        r.set("usageMetadata", usage);
        return r;
    }

    private static ObjectNode functionCall(Answer.ToolCallSpec call) {
        ObjectNode part = JSON.createObjectNode();
        ObjectNode fc = part.putObject("functionCall").put("id", call.id()).put("name", call.name());
        fc.set("args", WireText.parse(call.argumentsJson()));
        return part;
    }

    private static ObjectNode usage(Answer answer, int candidates) {
        ObjectNode u = JSON.createObjectNode().put("promptTokenCount", answer.promptTokens())
                .put("candidatesTokenCount", candidates)
                .put("totalTokenCount", answer.promptTokens() + candidates);
        if (answer.cachedTokens() > 0) {
            u.put("cachedContentTokenCount", answer.cachedTokens());
        }
        return u;
    }

    private static String finishReason(String openAi) {
        return switch (openAi == null ? "stop" : openAi) {
            case "length" -> "MAX_TOKENS";
            case "content_filter" -> "SAFETY";
            default -> "STOP";
        };
    }

    static String frame(JsonNode data) {
        return "data: " + new String(WireText.bytes(data), StandardCharsets.UTF_8) + "\r\n\r\n";
    }
}
