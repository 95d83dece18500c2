package dev.tollgate.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeminiRequestsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"system_and_merged_turns", "tools_required", "tool_choice_named", "tool_round_trip",
            "images", "generation_config", "json_schema", "json_object", "thought_signature_round_trip"})
    void translatesRequestAsTheGoldenFixtureSays(String name) {
        JsonNode fixture = GeminiFixtures.json("requests/" + name + ".json");
        byte[] translated = GeminiRequests.bytes(GeminiFixtures.request(fixture.get("request")));
        assertEquals(GeminiFixtures.tree(fixture.get("expected")), GeminiFixtures.tree(translated),
                fixture.get("description").asText());
    }

    @Test
    void rejectsAToolResultThatAnswersNoKnownCall() {
        GatewayException e = assertThrows(GatewayException.class, () -> GeminiRequests.bytes(GeminiFixtures.request("""
                {"model":"m","messages":[{"role":"user","content":"hi"},
                 {"role":"tool","tool_call_id":"call_x","content":"42"}]}""")));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
    }

    @Test
    void guessesJpegForAUrlWithoutAKnownExtension() {
        assertEquals("image/jpeg", GeminiContents.mimeOf("https://example.com/picture"));
        assertEquals("image/png", GeminiContents.mimeOf("https://example.com/a.PNG#frag"));
    }

    @Test
    void wrapsAToolResultArrayAsContent() {
        assertEquals(GeminiFixtures.tree("{\"content\":[1,2]}".getBytes()),
                GeminiContents.asObject("[1,2]", null));
    }

    @Test
    void takesTheDeploymentsParamsAsDefaults() throws Exception {
        var deployment = dev.tollgate.testing.TestConfigs.deployment("g", "gemini", "http://127.0.0.1:1",
                java.util.Map.of("temperature", com.fasterxml.jackson.databind.node.DoubleNode.valueOf(0.25),
                        "max_tokens", com.fasterxml.jackson.databind.node.IntNode.valueOf(77)));
        var body = GeminiFixtures.tree(GeminiRequests.bytes(GeminiFixtures.request("""
                {"model":"g","max_tokens":12,"messages":[{"role":"user","content":"hi"}]}"""), deployment));
        assertEquals(0.25, body.path("generationConfig").path("temperature").asDouble(), body.toString());
        assertEquals(12, body.path("generationConfig").path("maxOutputTokens").asInt(), body.toString());
    }
}
