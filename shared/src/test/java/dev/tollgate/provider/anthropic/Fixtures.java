package dev.tollgate.provider.anthropic;

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

/** Golden fixtures under {@code src/test/resources/anthropic/}, and the deployments tests call. */
final class Fixtures {
    static final String UPSTREAM_MODEL = "claude-sonnet-4-5-20250929";

    private static final Golden GOLDEN = new Golden("anthropic");

    private Fixtures() {
    }

    static byte[] bytes(String resource) {
        return GOLDEN.bytes(resource);
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
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

    static ChatRequest request(JsonNode body) {
        return ChatRequestReader.read(body);
    }

    static ChatRequest request(String json) {
        return request(tree(json.getBytes(StandardCharsets.UTF_8)));
    }

    static Deployment deployment() {
        return deployment(null, Map.of(), null);
    }

    /** A fixture's optional {@code deployment}: {@code params} and {@code max_output_tokens}. */
    static Deployment deployment(JsonNode spec) {
        Map<String, JsonNode> params = new LinkedHashMap<>();
        spec.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
        JsonNode max = spec.path("max_output_tokens");
        return deployment(null, params, max.isNumber() ? max.intValue() : null);
    }

    static Deployment deployment(String apiBase, Map<String, JsonNode> params, Integer maxOutputTokens) {
        return new Deployment("claude-sonnet", ProviderKind.ANTHROPIC, UPSTREAM_MODEL,
                new Secret("sk-ant-deployment"), apiBase == null ? null : URI.create(apiBase), null,
                Duration.ofSeconds(30), Duration.ofSeconds(10), null, null, null, null, params,
                new ModelInfo("dep-1", null, null, null, maxOutputTokens, "chat"));
    }
}
