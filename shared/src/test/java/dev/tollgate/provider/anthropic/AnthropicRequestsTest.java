package dev.tollgate.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.provider.anthropic.AnthropicRequests.MessagesRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicRequestsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"system_extraction", "merged_turns", "tools", "tool_choice_named", "tool_choice_none",
            "tool_round_trip", "images", "sampling_and_stop", "single_stop_default_max_tokens", "json_schema",
            "json_object", "deployment_params", "reasoning_effort"})
    void translatesRequestAsTheGoldenFixtureSays(String name) {
        JsonNode fixture = Fixtures.json("requests/" + name + ".json");
        MessagesRequest translated = AnthropicRequests.toAnthropic(Fixtures.request(fixture.get("request")),
                Fixtures.deployment(fixture.path("deployment")));
        assertEquals(Fixtures.tree(fixture.get("expected")), Fixtures.tree(translated.bytes()), fixture.get("description").asText());
    }

    @Test
    void marksJsonModeOnlyWhenAResponseFormatAsksForJson() {
        assertTrue(translate("json_schema").jsonMode());
        assertTrue(translate("json_object").jsonMode());
        assertFalse(translate("tools").jsonMode());
    }

    @Test
    void rejectsUnparsableToolArgumentsNamingTheField() {
        GatewayException e = assertThrows(GatewayException.class, () -> translate("""
                {"model":"m","messages":[{"role":"user","content":"hi"},
                 {"role":"assistant","tool_calls":[{"id":"t1","type":"function",
                  "function":{"name":"f","arguments":"{\\"city\\": "}}]}]}"""));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals("messages[1].tool_calls[0].function.arguments", e.param());
    }

    @Test
    void rejectsToolArgumentsThatAreNotAnObject() {
        GatewayException e = assertThrows(GatewayException.class, () -> translate("""
                {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"t1","type":"function",
                  "function":{"name":"f","arguments":"[1,2]"}}]}]}"""));
        assertEquals("messages[0].tool_calls[0].function.arguments", e.param());
    }

    @Test
    void rejectsAContentPartAnthropicCannotTake() {
        GatewayException e = assertThrows(GatewayException.class, () -> translate("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"},
                  {"type":"input_audio","input_audio":{"data":"AAAA","format":"wav"}}]}]}"""));
        assertEquals("messages[0].content[1].type", e.param());
    }

    @Test
    void rejectsAnImageUrlThatIsNeitherHttpNorData() {
        GatewayException e = assertThrows(GatewayException.class, () -> translate("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"ftp://example.com/cat.png"}}]}]}"""));
        assertEquals("messages[0].content[0].image_url.url", e.param());
    }

    @Test
    void rejectsAnUnknownReasoningEffort() {
        GatewayException e = assertThrows(GatewayException.class, () -> translate("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"reasoning_effort":"extreme"}"""));
        assertEquals("reasoning_effort", e.param());
    }

    @Test
    void addsStreamOnlyWhenAsked() {
        var request = Fixtures.request("""
                {"model":"m","messages":[{"role":"user","content":"hi"}]}""");
        assertTrue(AnthropicRequests.toAnthropic(request, Fixtures.deployment(), true).body().get("stream").asBoolean());
        assertFalse(AnthropicRequests.toAnthropic(request, Fixtures.deployment(), false).body().has("stream"));
    }

    @Test
    void dropsToolChoiceWhenThereAreNoTools() {
        JsonNode body = AnthropicRequests.toAnthropic(Fixtures.request("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"tool_choice":"auto"}"""),
                Fixtures.deployment()).body();
        assertFalse(body.has("tool_choice"));
        assertFalse(body.has("tools"));
    }

    private static MessagesRequest translate(String fixtureOrJson) {
        JsonNode request = fixtureOrJson.startsWith("{")
                ? Fixtures.tree(fixtureOrJson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : Fixtures.json("requests/" + fixtureOrJson + ".json").get("request");
        return AnthropicRequests.toAnthropic(Fixtures.request(request), Fixtures.deployment());
    }
}
