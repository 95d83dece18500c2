package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Map;

/**
 * Claude on Vertex AI as the mock speaks it: Anthropic's Messages bodies and stream events under
 * {@code .../publishers/anthropic/models/{m}:rawPredict} and {@code :streamRawPredict}, authenticated
 * like {@link VertexWire}. The deployment's model is a {@code claude-} model, which is what sends the
 * gateway down the Anthropic path.
 */
public final class VertexClaudeWire implements ProviderWire {
    private final AnthropicWire anthropic = new AnthropicWire();
    private final VertexWire vertex = new VertexWire();

    @Override
    public String prefix() {
        return "vertex_ai";
    }

    @Override
    public String upstreamModel(String modelName) {
        return "claude-sonnet-4@20250514";
    }

    @Override
    public String apiBase(String mockRoot) {
        return mockRoot;
    }

    @Override
    public boolean isStream(String path, JsonNode body) {
        return path.endsWith(":streamRawPredict");
    }

    @Override
    public byte[] body(Answer answer, String model) {
        return anthropic.body(answer, model);
    }

    @Override
    public List<String> events(Answer answer, String model) {
        return anthropic.events(answer, model);
    }

    @Override
    public byte[] errorBody(int status, String message) {
        return vertex.errorBody(status, message);
    }

    @Override
    public String streamErrorEvent(String message) {
        return anthropic.streamErrorEvent(message);
    }

    @Override
    public String apiKeyFrom(Headers headers) {
        return vertex.apiKeyFrom(headers);
    }

    @Override
    public String expectedApiKey(String configuredKey) {
        return vertex.expectedApiKey(configuredKey);
    }

    @Override
    public Map<String, JsonNode> deploymentParams(String mockRoot) {
        return vertex.deploymentParams(mockRoot);
    }

    @Override
    public byte[] auxiliary(String path, byte[] body) {
        return vertex.auxiliary(path, body);
    }

    @Override
    public String toString() {
        return "vertex_ai/claude";
    }
}
