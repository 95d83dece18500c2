package dev.tollgate.provider.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.UpstreamCall.ErrorDetail;
import dev.tollgate.provider.UpstreamErrors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OllamaResponsesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "tool_calls", "length_with_thinking"})
    void translatesAnswerAsTheGoldenFixtureSays(String name) {
        JsonNode fixture = OllamaFixtures.json("responses/" + name + ".json");
        var completion = OllamaResponses.toOpenAi(Json.bytes(fixture.get("body")), "ollama", "req-1",
                OllamaFixtures.NOW);
        assertEquals(OllamaFixtures.tree(fixture.get("expected")), OllamaFixtures.tree(completion),
                fixture.get("description").asText());
    }

    @Test
    void usesTheCallTimeWhenCreatedAtIsMissingOrUnreadable() {
        var c = OllamaResponses.toOpenAi(bytes("""
                {"model":"m","created_at":"yesterday","message":{"role":"assistant","content":"x"},"done":true}"""),
                "ollama", "r", OllamaFixtures.NOW);
        assertEquals(OllamaFixtures.NOW, c.created());
        assertEquals(0, c.usage().promptTokens());
    }

    @Test
    void rejectsAnAnswerWithoutAMessage() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> OllamaResponses.toOpenAi(bytes("{\"done\":true}"), "ollama", "r", 0));
        assertEquals(ErrorKind.UPSTREAM_ERROR, e.kind());
    }

    @Test
    void readsErrorBodiesAndMapsAnUnknownModelTo404() {
        ErrorDetail d = OllamaErrors.parse(bytes("{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}"));
        assertEquals("model \"llama9\" not found, try pulling it first", d.message());
        GatewayException e = UpstreamErrors.fromStatus("ollama", 404, d.message(), d.code(), null);
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("llama9"));
        assertEquals("Bad Gateway", OllamaErrors.parse(bytes("Bad Gateway")).message());
        assertEquals("quota", OllamaErrors.parse(bytes("{\"error\":{\"message\":\"quota\"}}")).message());
    }

    @Test
    void mapsAContextOverflowMessageToContextWindowExceeded() {
        ErrorDetail d = OllamaErrors.parse(bytes("{\"error\":\"input is too long for the context length\"}"));
        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED,
                UpstreamErrors.fromStatus("ollama", 400, d.message(), d.code(), null).kind());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
