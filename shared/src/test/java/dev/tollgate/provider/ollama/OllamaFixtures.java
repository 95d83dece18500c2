package dev.tollgate.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.ModelInfo;
import dev.tollgate.config.ProviderKind;
import dev.tollgate.config.Secret;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import dev.tollgate.testing.Golden;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Golden fixtures under {@code src/test/resources/ollama/}, and the deployments tests call. */
final class OllamaFixtures {
    static final String UPSTREAM_MODEL = "llava:13b";
    static final long NOW = 1_800_000_000L;

    private static final Golden GOLDEN = new Golden("ollama");

    private OllamaFixtures() {
    }

    static byte[] bytes(String resource) {
        return GOLDEN.bytes(resource);
    }

    static JsonNode json(String resource) {
        return tree(bytes(resource));
    }

    static JsonNode tree(byte[] json) {
        return Golden.tree(json);
    }

    static JsonNode tree(Object value) {
        return Golden.tree(value);
    }

    static ChatRequest request(String json) {
        return ChatRequestReader.read(tree(json.getBytes(StandardCharsets.UTF_8)));
    }

    static ChatRequest request(JsonNode body) {
        return ChatRequestReader.read(body);
    }

    /** A fixture's optional {@code deployment.params}. */
    static Deployment deployment(JsonNode spec) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        spec.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
        return deployment("http://localhost:11434", null, params);
    }

    static Deployment deployment(String apiBase, Secret key, Map<String, JsonNode> params) {
        return new Deployment("llava", ProviderKind.OLLAMA_CHAT, UPSTREAM_MODEL, key, URI.create(apiBase), null,
                Duration.ofSeconds(10), Duration.ofSeconds(10), null, null, null, null, params,
                new ModelInfo("dep-ollama", null, null, null, null, "chat"));
    }
}
