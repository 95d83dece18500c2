package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Map;

/**
 * Gemini models on Vertex AI as the mock speaks it: the Gemini bodies and stream under
 * {@code /v1/projects/{p}/locations/{l}/publishers/google/models/{m}:generateContent}, embeddings by
 * {@code :predict}, {@code Authorization: Bearer} with a token the mock's own {@code /token}
 * endpoint issues for the deployment's service-account key.
 */
public class VertexWire extends GeminiWire {
    public static final String TOKEN = "ya29.mock-access-token";
    public static final String TOKEN_PATH = "/token";

    @Override
    public String prefix() {
        return "vertex_ai";
    }

    @Override
    public String apiKeyFrom(Headers headers) {
        String auth = headers.getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    }

    @Override
    public String expectedApiKey(String configuredKey) {
        return TOKEN;
    }

    @Override
    public Map<String, JsonNode> deploymentParams(String mockRoot) {
        return Map.of("vertex_project", TextNode.valueOf("mock-project"),
                "vertex_location", TextNode.valueOf("us-central1"),
                "vertex_credentials", TextNode.valueOf(ServiceAccountKeys.credentialsJson(mockRoot + TOKEN_PATH)));
    }

    @Override
    public byte[] auxiliary(String path, byte[] body) {
        if (!TOKEN_PATH.equals(path)) {
            return null;
        }
        return WireText.bytes(JSON.createObjectNode().put("access_token", TOKEN).put("expires_in", 3599)
                .put("token_type", "Bearer"));
    }

    @Override
    public boolean isEmbedding(String path, JsonNode body) {
        return path.endsWith(":predict");
    }

    @Override
    public int inputCount(JsonNode body) {
        return body.path("instances").size();
    }

    @Override
    public byte[] embeddingBody(List<float[]> vectors, int promptTokens, String model) {
        ObjectNode r = JSON.createObjectNode();
        ArrayNode predictions = r.putArray("predictions");
        for (float[] v : vectors) {
            ObjectNode embeddings = predictions.addObject().putObject("embeddings");
            ArrayNode values = embeddings.putArray("values");
            for (float f : v) {
                values.add(f);
            }
            embeddings.putObject("statistics").put("truncated", false)
                    .put("token_count", promptTokens / vectors.size());
        }
        return WireText.bytes(r);
    }

    /** Vertex AI reports embedding tokens, so the default expectation holds. */
    @Override
    public int expectedPromptTokens(List<String> inputs) {
        return TOKENS_PER_INPUT * inputs.size();
    }
}
