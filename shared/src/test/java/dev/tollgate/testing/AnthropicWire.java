package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Anthropic's Messages API as the mock speaks it: {@code POST <root>/v1/messages}, key in
 * {@code x-api-key}, bodies and stream events in the documented shapes (message_start, content
 * blocks with a ping after the first start, message_delta, message_stop), errors as
 * {@code {"type":"error","error":{"type","message"}}}. Prompt tokens are reported the Anthropic way:
 * {@code input_tokens} is the uncached part, the cached part is {@code cache_read_input_tokens}.
 */
public final class AnthropicWire implements ProviderWire {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String prefix() {
        return "anthropic";
    }

    @Override
    public String apiBase(String mockRoot) {
        return mockRoot;
    }

    @Override
    public boolean isStream(String path, JsonNode body) {
        return body.path("stream").asBoolean(false);
    }

    @Override
    public byte[] body(Answer answer, String model) {
        ObjectNode message = message(model);
        ArrayNode content = message.putArray("content");
        if (answer.text() != null) {
            content.addObject().put("type", "text").put("text", answer.text());
        }
        for (Answer.ToolCallSpec call : answer.toolCalls()) {
            ObjectNode block = content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name());
            block.set("input", WireText.parse(call.argumentsJson()));
        }
        message.put("stop_reason", stopReason(answer.finishReason()));
        message.putNull("stop_sequence");
        message.set("usage", usage(answer, answer.completionTokens()));
        return WireText.bytes(message);
    }

    @Override
    public List<String> events(Answer answer, String model) {
        List<String> frames = new ArrayList<>();
        ObjectNode start = message(model);
        start.putArray("content");
        start.putNull("stop_reason");
        start.putNull("stop_sequence");
        start.set("usage", usage(answer, 1));
        frames.add(frame("message_start", JSON.createObjectNode().put("type", "message_start").set("message", start)));
        int index = 0;
        if (answer.text() != null) {
            frames.add(blockStart(index, JSON.createObjectNode().put("type", "text").put("text", "")));
            frames.add(frame("ping", JSON.createObjectNode().put("type", "ping")));
            for (String piece : WireText.pieces(answer.text())) {
                frames.add(blockDelta(index, JSON.createObjectNode().put("type", "text_delta").put("text", piece)));
            }
            frames.add(blockStop(index++));
        }
        for (Answer.ToolCallSpec call : answer.toolCalls()) {
            ObjectNode block = JSON.createObjectNode().put("type", "tool_use").put("id", call.id())
                    .put("name", call.name());
            block.putObject("input");
            frames.add(blockStart(index, block));
            frames.add(blockDelta(index, inputDelta("")));
            for (String piece : WireText.pieces(call.argumentsJson())) {
                frames.add(blockDelta(index, inputDelta(piece)));
            }
            frames.add(blockStop(index++));
        }
        ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason(answer.finishReason())).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", answer.completionTokens());
        frames.add(frame("message_delta", delta));
        frames.add(frame("message_stop", JSON.createObjectNode().put("type", "message_stop")));
        return frames;
    }

    @Override
    public byte[] errorBody(int status, String message) {
        return WireText.bytes(error(errorType(status), message).put("request_id", "req_mock" + status));
    }

    @Override
    public String streamErrorEvent(String message) {
        return frame("error", error("overloaded_error", message));
    }

    @Override
    public String apiKeyFrom(Headers headers) {
        return headers.getFirst("x-api-key");
    }

    /** Anthropic's error type for an HTTP status, as its API documents them. */
    public static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    private static ObjectNode message(String model) {
        return JSON.createObjectNode().put("id", "msg_mock" + UUID.randomUUID().toString().replace("-", ""))
                .put("type", "message").put("role", "assistant").put("model", model);
    }

    private static ObjectNode usage(Answer answer, int outputTokens) {
        return JSON.createObjectNode()
                .put("input_tokens", answer.promptTokens() - answer.cachedTokens())
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", answer.cachedTokens())
                .put("output_tokens", outputTokens);
    }

    private static String stopReason(String finishReason) {
        return switch (finishReason == null ? "stop" : finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode node = JSON.createObjectNode().put("type", "error");
        node.putObject("error").put("type", type).put("message", message);
        return node;
    }

    private static String blockStart(int index, ObjectNode block) {
        ObjectNode e = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
        e.set("content_block", block);
        return frame("content_block_start", e);
    }

    private static String blockDelta(int index, ObjectNode delta) {
        ObjectNode e = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
        e.set("delta", delta);
        return frame("content_block_delta", e);
    }

    private static String blockStop(int index) {
        return frame("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
    }

    private static ObjectNode inputDelta(String partialJson) {
        return JSON.createObjectNode().put("type", "input_json_delta").put("partial_json", partialJson);
    }

    private static String frame(String event, JsonNode data) {
        return "event: " + event + "\ndata: " + new String(WireText.bytes(data), StandardCharsets.UTF_8) + "\n\n";
    }

}
