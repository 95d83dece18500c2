package dev.tollgate.provider.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OllamaRequestsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"messages_and_images", "tool_round_trip", "sampling_options", "json_object", "json_schema",
            "tool_choice_none"})
    void translatesRequestAsTheGoldenFixtureSays(String name) {
        JsonNode fixture = OllamaFixtures.json("requests/" + name + ".json");
        JsonNode translated = OllamaRequests.toOllama(OllamaFixtures.request(fixture.get("request")),
                OllamaFixtures.deployment(fixture.path("deployment")));
        assertEquals(OllamaFixtures.tree(fixture.get("expected")), OllamaFixtures.tree(translated),
                fixture.get("description").asText());
    }

    @Test
    void rejectsAnHttpsImageUrlNamingTheField() {
        GatewayException e = assertThrows(GatewayException.class, () -> translate("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"see"},
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}"""));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals("messages[0].content[1].image_url.url", e.param());
        assertTrue(e.getMessage().contains("data URL"), e.getMessage());
    }

    @Test
    void rejectsAContentPartOllamaCannotTake() {
        GatewayException e = assertThrows(GatewayException.class, () -> translate("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"input_audio","input_audio":{"data":"AAAA","format":"wav"}}]}]}"""));
        assertEquals("messages[0].content[0].type", e.param());
    }

    @Test
    void rejectsToolArgumentsThatAreNotAJsonObject() {
        GatewayException e = assertThrows(GatewayException.class, () -> translate("""
                {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"t1","type":"function",
                  "function":{"name":"f","arguments":"{\\"city\\": "}}]}]}"""));
        assertEquals("messages[0].tool_calls[0].function.arguments", e.param());
    }

    @Test
    void takesMaxCompletionTokensAsNumPredictWhenMaxTokensIsMissing() {
        JsonNode body = translate("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"max_completion_tokens":64}""");
        assertEquals(64, body.path("options").path("num_predict").asInt());
    }

    private static JsonNode translate(String json) {
        return OllamaRequests.toOllama(OllamaFixtures.request(json),
                OllamaFixtures.deployment("http://localhost:11434", null, Map.of()));
    }
}
