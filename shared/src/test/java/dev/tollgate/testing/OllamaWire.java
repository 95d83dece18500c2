package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's native wire ({@code /api/chat}, {@code /api/embed}): whole answers, NDJSON streams (one
 * JSON object a line, text a few characters a line, tool calls whole with object arguments, a last
 * line with {@code done: true}, {@code done_reason} and the counts), and {@code {"error":"..."}}
 * bodies and lines. Streams unless the request says {@code "stream": false}, as Ollama does.
 */
public final class OllamaWire implements ProviderWire, EmbeddingWire {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED_AT = "2026-01-02T03:04:05.123456789Z";
    private final String prefix;

    public OllamaWire() {
        this("ollama");
    }

    /** {@code ollama} or {@code ollama_chat}: the same native API. */
    public OllamaWire(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public String apiBase(String mockRoot) {
        return mockRoot;
    }

    @Override
    public boolean isStream(String path, JsonNode body) {
        return body.path("stream").asBoolean(true);
    }

    @Override
    public byte[] body(Answer a, String model) {
        ObjectNode root = line(model);
        ObjectNode message = root.putObject("message").put("role", "assistant")
                .put("content", a.text() == null ? "" : a.text());
        addToolCalls(message, a.toolCalls());
        finish(root, a);
        return WireText.bytes(root);
    }

    @Override
    public List<String> events(Answer a, String model) {
        List<String> frames = new ArrayList<>();
        if (a.text() != null) {
            for (String piece : WireText.piecesOf(a.text(), 4)) {
                ObjectNode l = line(model);
                l.putObject("message").put("role", "assistant").put("content", piece);
                frames.add(frame(l.put("done", false)));
            }
        }
        if (!a.toolCalls().isEmpty()) {
            ObjectNode l = line(model);
            addToolCalls(l.putObject("message").put("role", "assistant").put("content", ""), a.toolCalls());
            frames.add(frame(l.put("done", false)));
        }
        ObjectNode last = line(model);
        last.putObject("message").put("role", "assistant").put("content", "");
        finish(last, a);
        frames.add(frame(last));
        return frames;
    }

    private static ObjectNode line(String model) {
        return JSON.createObjectNode().put("model", model).put("created_at", CREATED_AT);
    }

    private static void addToolCalls(ObjectNode message, List<Answer.ToolCallSpec> calls) {
        if (calls.isEmpty()) {
            return;
        }
        ArrayNode out = message.putArray("tool_calls");
        for (int i = 0; i < calls.size(); i++) {
            Answer.ToolCallSpec t = calls.get(i);
            ObjectNode fn = out.addObject().put("id", t.id()).putObject("function").put("index", i).put("name", t.name());
            fn.set("arguments", readTree(t.argumentsJson()));
        }
    }

    private static void finish(ObjectNode root, Answer a) {
        String reason = "length".equals(a.finishReason()) ? "length" : "stop";
        root.put("done", true).put("done_reason", reason).put("total_duration", 4_883_583_458L)
                .put("load_duration", 1_334_875L).put("prompt_eval_count", a.promptTokens())
                .put("prompt_eval_duration", 342_546_000L).put("eval_count", a.completionTokens())
                .put("eval_duration", 4_535_599_000L);
    }

    private static String frame(JsonNode node) {
        return node + "\n";
    }

    @Override
    public String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    public byte[] errorBody(int status, String message) {
        return WireText.bytes(JSON.createObjectNode().put("error", message));
    }

    @Override
    public String streamErrorEvent(String message) {
        return JSON.createObjectNode().put("error", message) + "\n";
    }

    @Override
    public String apiKeyFrom(Headers headers) {
        String auth = headers.getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    }

    @Override
    public boolean isEmbedding(String path, JsonNode body) {
        return path.endsWith("/api/embed");
    }

    @Override
    public int inputCount(JsonNode body) {
        JsonNode input = body.path("input");
        return input.isArray() ? input.size() : 1;
    }

    @Override
    public byte[] embeddingBody(List<float[]> vectors, int promptTokens, String model) {
        ObjectNode root = JSON.createObjectNode().put("model", model);
        ArrayNode all = root.putArray("embeddings");
        for (float[] vector : vectors) {
            ArrayNode v = all.addArray();
            for (float f : vector) {
                v.add(f);
            }
        }
        root.put("total_duration", 14_143_917L).put("load_duration", 1_019_500L)
                .put("prompt_eval_count", promptTokens);
        return WireText.bytes(root);
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("tool arguments must be JSON: " + json, e);
        }
    }

    @Override
    public String toString() {
        return prefix();
    }
}
