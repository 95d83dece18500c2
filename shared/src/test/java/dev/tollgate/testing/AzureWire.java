package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;

/**
 * Azure OpenAI's wire: OpenAI's bodies and streams under
 * {@code /openai/deployments/{deployment}/...?api-version=...}, keyed by the {@code api-key} header
 * (or an Entra ID bearer). The mock records the query, so tests can check the api-version sent.
 */
public final class AzureWire extends OpenAiWire {

    public AzureWire() {
        super("azure");
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
    public boolean isEmbedding(String path, JsonNode body) {
        return path.startsWith("/openai/deployments/") && path.endsWith("/embeddings");
    }

    @Override
    public String apiKeyFrom(Headers headers) {
        String key = headers.getFirst("api-key");
        return key != null ? key : super.apiKeyFrom(headers);
    }

    @Override
    public String toString() {
        return prefix();
    }
}
