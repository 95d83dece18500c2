package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's chat completions wire: bodies, {@code data:} chunk streams ending in {@code [DONE]},
 * usage on a last chunk with no choices when asked, and {@code {"error":{...}}} bodies.
 * Text is streamed a few characters at a time, tool arguments in pieces, as OpenAI does.
 */
public class OpenAiWire implements ProviderWire, EmbeddingWire {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String prefix;

    public OpenAiWire() {
        this("openai");
    }

    /** For the OpenAI-compatible providers (groq, mistral ...): the same wire under another prefix. */
    public OpenAiWire(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public String apiBase(String mockRoot) {
        return mockRoot + "/v1";
    }

    @Override
    public boolean isStream(String path, JsonNode body) {
        return body.path("stream").asBoolean(false);
    }

    @Override
    public byte[] body(Answer a, String model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-mock1").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", model).put("system_fingerprint", "fp_mock");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (a.text() == null) {
            message.putNull("content");
        } else {
            message.put("content", a.text());
        }
        if (!a.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (Answer.ToolCallSpec t : a.toolCalls()) {
                ObjectNode c = calls.addObject().put("id", t.id()).put("type", "function");
                c.putObject("function").put("name", t.name()).put("arguments", t.argumentsJson());
            }
        }
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", a.finishReason());
        root.set("usage", usage(a));
        return WireText.bytes(root);
    }

    private static ObjectNode usage(Answer a) {
        ObjectNode u = JSON.createObjectNode();
        u.put("prompt_tokens", a.promptTokens()).put("completion_tokens", a.completionTokens())
                .put("total_tokens", a.promptTokens() + a.completionTokens());
        u.putObject("prompt_tokens_details").put("cached_tokens", a.cachedTokens()).put("audio_tokens", 0);
        u.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0);
        return u;
    }

    @Override
    public List<String> events(Answer a, String model) {
        List<String> frames = new ArrayList<>();
        frames.add(frame(chunk(model, delta -> delta.put("role", "assistant").put("content", ""), null)));
        if (a.text() != null) {
            for (String piece : WireText.piecesOf(a.text(), 4)) {
                frames.add(frame(chunk(model, delta -> delta.put("content", piece), null)));
            }
        }
        for (int i = 0; i < a.toolCalls().size(); i++) {
            Answer.ToolCallSpec t = a.toolCalls().get(i);
            int index = i;
            frames.add(frame(chunk(model, delta -> {
                ObjectNode c = delta.putArray("tool_calls").addObject().put("index", index).put("id", t.id())
                        .put("type", "function");
                c.putObject("function").put("name", t.name()).put("arguments", "");
            }, null)));
            for (String piece : WireText.piecesOf(t.argumentsJson(), 5)) {
                frames.add(frame(chunk(model, delta -> delta.putArray("tool_calls").addObject()
                        .put("index", index).putObject("function").put("arguments", piece), null)));
            }
        }
        frames.add(frame(chunk(model, delta -> { }, a.finishReason())));
        ObjectNode usageChunk = JSON.createObjectNode();
        usageChunk.put("id", "chatcmpl-mock1").put("object", "chat.completion.chunk").put("created", 1_700_000_000L)
                .put("model", model);
        usageChunk.putArray("choices");
        usageChunk.set("usage", usage(a));
        frames.add(frame(usageChunk));
        frames.add("data: [DONE]\n\n");
        return frames;
    }

    private interface DeltaFiller {
        void fill(ObjectNode delta);
    }

    private static ObjectNode chunk(String model, DeltaFiller filler, String finish) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-mock1").put("object", "chat.completion.chunk").put("created", 1_700_000_000L)
                .put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        filler.fill(choice.putObject("delta"));
        choice.putNull("logprobs");
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return root;
    }

    private static String frame(JsonNode node) {
        return "data: " + node + "\n\n";
    }

    @Override
    public boolean isEmbedding(String path, JsonNode body) {
        return path.endsWith("/embeddings");
    }

    @Override
    public int inputCount(JsonNode body) {
        JsonNode input = body.path("input");
        return input.isArray() ? input.size() : 1;
    }

    @Override
    public byte[] embeddingBody(List<float[]> vectors, int promptTokens, String model) {
        ObjectNode root = JSON.createObjectNode().put("object", "list").put("model", model);
        ArrayNode data = root.putArray("data");
        for (int i = vectors.size() - 1; i >= 0; i--) {
            ArrayNode v = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            for (float f : vectors.get(i)) {
                v.add(f);
            }
        }
        root.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        return WireText.bytes(root);
    }

    @Override
    public byte[] errorBody(int status, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message).put("type", status == 429 ? "rate_limit_exceeded"
                : status >= 500 ? "server_error" : "invalid_request_error").putNull("param");
        if (message.contains("maximum context length")) {
            e.put("code", "context_length_exceeded");
        } else {
            e.putNull("code");
        }
        return WireText.bytes(root);
    }

    @Override
    public String streamErrorEvent(String message) {
        return "data: {\"error\":{\"message\":" + JSON.valueToTree(message) + ",\"type\":\"server_error\"}}\n\n";
    }

    @Override
    public String apiKeyFrom(Headers headers) {
        String auth = headers.getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    }

}
