package dev.tollgate.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicResponsesTest {
    private static final long CREATED = 1_700_000_000L;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "tool_use", "tool_use_only", "cache_usage", "thinking", "json_mode", "refusal"})
    void translatesResponseAsTheGoldenFixtureSays(String name) {
        JsonNode fixture = Fixtures.json("responses/" + name + ".json");
        ChatCompletion completion = AnthropicResponses.toOpenAi(
                AnthropicResponses.parse(Json.bytes(fixture.get("anthropic"))), "claude-fallback", "chatcmpl-req-1",
                CREATED, fixture.path("json_mode").asBoolean(false));
        assertEquals(Fixtures.tree(fixture.get("expected")), Fixtures.tree(completion),
                fixture.get("description").asText());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"end_turn, stop", "stop_sequence, stop", "pause_turn, stop", "max_tokens, length",
            "model_context_window_exceeded, length", "tool_use, tool_calls", "refusal, content_filter",
            "something_new, stop"})
    void mapsStopReasons(String stopReason, String finishReason) {
        assertEquals(finishReason, AnthropicResponses.finishReason(stopReason, true));
    }

    @Test
    void rejectsABodyThatIsNotAMessage() {
        GatewayException notJson = assertThrows(GatewayException.class,
                () -> AnthropicResponses.parse("<html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorKind.UPSTREAM_ERROR, notJson.kind());
        GatewayException noContent = assertThrows(GatewayException.class,
                () -> AnthropicResponses.parse("{\"type\":\"message\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorKind.UPSTREAM_ERROR, noContent.kind());
    }
}
