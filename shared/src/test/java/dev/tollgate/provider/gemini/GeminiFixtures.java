package dev.tollgate.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import dev.tollgate.testing.Golden;
import java.nio.charset.StandardCharsets;

/** Golden fixtures under {@code src/test/resources/gemini/}. */
final class GeminiFixtures {
    private static final Golden GOLDEN = new Golden("gemini");

    private GeminiFixtures() {
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

    static ChatRequest request(JsonNode body) {
        return ChatRequestReader.read(body);
    }

    static ChatRequest request(String json) {
        return request(tree(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code response} of a response fixture, as bytes the way the wire carries it. */
    static byte[] response(String name) {
        return Json.bytes(json("responses/" + name + ".json").get("response"));
    }
}
