package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Amazon Bedrock's runtime API as the mock speaks it: {@code POST /model/{id}/converse} (JSON),
 * {@code /model/{id}/converse-stream} (an AWS event stream), {@code /model/{id}/invoke} for Cohere
 * embeddings. Errors are {@code {"message"}} with the error name in {@code x-amzn-ErrorType}, as the
 * SDK reads them. The gateway signs with SigV4; the "API key" is the access key id in the
 * {@code Authorization} header's {@code Credential=}, configured as {@code sk-upstream-bedrock}.
 */
public final class BedrockWire implements ProviderWire, EmbeddingWire {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String prefix() {
        return "bedrock";
    }

    @Override
    public String apiBase(String mockRoot) {
        return mockRoot;
    }

    @Override
    public Map<String, JsonNode> deploymentParams(String mockRoot) {
        return Map.of("aws_region_name", TextNode.valueOf("us-east-1"),
                "aws_access_key_id", TextNode.valueOf("sk-upstream-bedrock"),
                "aws_secret_access_key", TextNode.valueOf("mock-secret"));
    }

    /** Test deployments named {@code emb...} embed, so they name a Cohere embedding model. */
    @Override
    public String upstreamModel(String modelName) {
        return modelName.startsWith("emb") ? "cohere.embed-english-v3" : "anthropic.claude-upstream-" + modelName;
    }

    @Override
    public boolean isStream(String path, JsonNode body) {
        return path.endsWith("/converse-stream");
    }

    @Override
    public byte[] body(Answer answer, String model) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = root.putObject("output").putObject("message").put("role", "assistant");
        ArrayNode content = message.putArray("content");
        if (answer.text() != null) {
            content.addObject().put("text", answer.text());
        }
        for (Answer.ToolCallSpec call : answer.toolCalls()) {
            ObjectNode use = content.addObject().putObject("toolUse").put("toolUseId", call.id()).put("name", call.name());
            use.set("input", WireText.parse(call.argumentsJson()));
        }
        root.put("stopReason", stopReason(answer.finishReason()));
        root.set("usage", usage(answer));
        root.putObject("metrics").put("latencyMs", 42);
        return WireText.bytes(root);
    }

    @Override
    public List<String> events(Answer answer, String model) {
        return List.of();
    }

    @Override
    public List<byte[]> frameBytes(Answer answer, String model) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(event("messageStart", JSON.createObjectNode().put("role", "assistant")));
        int index = 0;
        if (answer.text() != null) {
            for (String piece : WireText.pieces(answer.text())) {
                ObjectNode e = JSON.createObjectNode().put("contentBlockIndex", index);
                e.putObject("delta").put("text", piece);
                frames.add(event("contentBlockDelta", e));
            }
            frames.add(event("contentBlockStop", JSON.createObjectNode().put("contentBlockIndex", index++)));
        }
        for (Answer.ToolCallSpec call : answer.toolCalls()) {
            ObjectNode start = JSON.createObjectNode().put("contentBlockIndex", index);
            start.putObject("start").putObject("toolUse").put("toolUseId", call.id()).put("name", call.name());
            frames.add(event("contentBlockStart", start));
            for (String piece : WireText.pieces(call.argumentsJson())) {
                ObjectNode e = JSON.createObjectNode().put("contentBlockIndex", index);
                e.putObject("delta").putObject("toolUse").put("input", piece);
                frames.add(event("contentBlockDelta", e));
            }
            frames.add(event("contentBlockStop", JSON.createObjectNode().put("contentBlockIndex", index++)));
        }
        frames.add(event("messageStop", JSON.createObjectNode().put("stopReason", stopReason(answer.finishReason()))));
        ObjectNode metadata = JSON.createObjectNode();
        metadata.set("usage", usage(answer));
        metadata.putObject("metrics").put("latencyMs", 42);
        frames.add(event("metadata", metadata));
        return frames;
    }

    @Override
    public byte[] streamErrorFrame(String message) {
        return EventStreamFrames.exception("serviceUnavailableException",
                WireText.bytes(JSON.createObjectNode().put("message", message)));
    }

    @Override
    public String streamContentType() {
        return "application/vnd.amazon.eventstream";
    }

    @Override
    public byte[] errorBody(int status, String message) {
        return WireText.bytes(JSON.createObjectNode().put("message", message));
    }

    @Override
    public Map<String, String> errorHeaders(int status, String message) {
        return Map.of("x-amzn-ErrorType", errorType(status) + ":http://internal.amazon.com/coral/com.amazon.bedrock/",
                "x-amzn-RequestId", "mock-request-" + status);
    }

    /** The access key id of a SigV4 {@code Authorization} header. */
    @Override
    public String apiKeyFrom(Headers headers) {
        String auth = headers.getFirst("Authorization");
        int at = auth == null ? -1 : auth.indexOf("Credential=");
        if (at < 0) {
            return null;
        }
        int end = auth.indexOf('/', at);
        return auth.substring(at + "Credential=".length(), end < 0 ? auth.length() : end);
    }

    @Override
    public boolean isEmbedding(String path, JsonNode body) {
        return path.endsWith("/invoke");
    }

    @Override
    public int inputCount(JsonNode body) {
        return body.has("texts") ? body.path("texts").size() : 1;
    }

    @Override
    public byte[] embeddingBody(List<float[]> vectors, int promptTokens, String model) {
        ObjectNode root = JSON.createObjectNode().put("id", "mock-embed").put("response_type", "embeddings_floats");
        ArrayNode all = root.putArray("embeddings");
        for (float[] v : vectors) {
            ArrayNode one = all.addArray();
            for (float f : v) {
                one.add(f);
            }
        }
        return WireText.bytes(root);
    }

    @Override
    public Map<String, String> embeddingHeaders(int promptTokens) {
        return Map.of("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(promptTokens));
    }

    /** Bedrock's error name for an HTTP status, as its API reference lists them. */
    public static String errorType(int status) {
        return switch (status) {
            case 400 -> "ValidationException";
            case 401 -> "UnrecognizedClientException";
            case 403 -> "AccessDeniedException";
            case 404 -> "ResourceNotFoundException";
            case 408 -> "ModelTimeoutException";
            case 424 -> "ModelErrorException";
            case 429 -> "ThrottlingException";
            case 503 -> "ServiceUnavailableException";
            default -> status >= 500 ? "InternalServerException" : "ValidationException";
        };
    }

    private static String stopReason(String finishReason) {
        return switch (finishReason == null ? "stop" : finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls" -> "tool_use";
            case "content_filter" -> "content_filtered";
            default -> "end_turn";
        };
    }

    /** Bedrock's inputTokens excludes cache reads, which come as cacheReadInputTokens. */
    private static ObjectNode usage(Answer answer) {
        return JSON.createObjectNode()
                .put("inputTokens", answer.promptTokens() - answer.cachedTokens())
                .put("outputTokens", answer.completionTokens())
                .put("totalTokens", answer.promptTokens() + answer.completionTokens())
                .put("cacheReadInputTokens", answer.cachedTokens())
                .put("cacheWriteInputTokens", 0);
    }

    private static byte[] event(String type, ObjectNode payload) {
        return EventStreamFrames.event(type, WireText.bytes(payload));
    }

}
