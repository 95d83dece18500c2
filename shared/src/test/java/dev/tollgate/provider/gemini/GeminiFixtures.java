package dev.tollgate.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Golden fixtures under {@code src/test/resources/gemini/}. */
final class GeminiFixtures {
    private GeminiFixtures() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = GeminiFixtures.class.getResourceAsStream("/gemini/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String resource) {
        return tree(bytes(resource));
    }

    static JsonNode tree(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Object value) {
        return tree(Json.bytes(value));
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
