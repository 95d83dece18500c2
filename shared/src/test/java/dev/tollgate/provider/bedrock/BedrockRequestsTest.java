package dev.tollgate.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.error.GatewayException;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.BedrockWire;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenAI requests against the Converse JSON the SDK actually sends: each golden fixture's request
 * goes through the provider to a mock, and the body the mock received must equal {@code expected}.
 */
class BedrockRequestsTest {
    private static MockUpstream mock;

    @BeforeAll
    static void start() {
        mock = MockUpstream.start(new BedrockWire());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static JsonNode sent(JsonNode request, JsonNode params) {
        BedrockProvider provider = new BedrockProvider();
        Deployment d = BedrockFixtures.deployment(mock, BedrockFixtures.MODEL_ID, params);
        provider.prepare(d);
        mock.enqueue(Behavior.reply(Answer.text("ok")));
        provider.complete(BedrockFixtures.call(d, request));
        return BedrockFixtures.tree(mock.lastRequest().body().toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"system_and_merged_turns", "tools_required", "tool_choice_named", "tool_choice_none",
            "tool_round_trip", "images", "sampling_and_model_fields", "exact_numbers",
            "deployment_inference_defaults", "json_schema", "json_object"})
    void sendsTheConverseBodyTheGoldenFixtureSays(String name) {
        JsonNode fixture = BedrockFixtures.json("requests/" + name + ".json");
        JsonNode body = sent(fixture.get("request"), fixture.get("params"));
        assertEquals(fixture.get("expected"), body, fixture.get("description").asText());
        assertEquals("/model/" + BedrockFixtures.MODEL_ID.replace(":", "%3A") + "/converse",
                mock.lastRequest().path().replace(":", "%3A"));
    }

    @Test
    void rejectsImageLinksBecauseConverseTakesBytes() {
        GatewayException e = assertThrows(GatewayException.class, () -> sent(BedrockFixtures.tree("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}"""), null));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertEquals("messages[0].content[0].image_url.url", e.param());
    }

    @Test
    void rejectsImageFormatsConverseCannotRead() {
        GatewayException e = assertThrows(GatewayException.class, () -> sent(BedrockFixtures.tree("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"data:image/tiff;base64,AAAA"}}]}]}"""), null));
        assertEquals("messages[0].content[0].image_url.url", e.param());
    }

    @Test
    void rejectsToolArgumentsThatAreNotAJsonObject() {
        GatewayException e = assertThrows(GatewayException.class, () -> sent(BedrockFixtures.tree("""
                {"model":"m","messages":[{"role":"user","content":"hi"},{"role":"assistant","tool_calls":[
                  {"id":"t1","type":"function","function":{"name":"f","arguments":"[1,2]"}}]}]}"""), null));
        assertEquals("messages[1].tool_calls[0].function.arguments", e.param());
    }

    @Test
    void rejectsAudioPartsNamingThePart() {
        GatewayException e = assertThrows(GatewayException.class, () -> sent(BedrockFixtures.tree("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"},
                  {"type":"input_audio","input_audio":{"data":"AAAA","format":"wav"}}]}]}"""), null));
        assertEquals("messages[0].content[1].type", e.param());
    }

    @Test
    void refusesWhatConverseCannotTakeWithTheDropParamsHint() {
        BedrockProvider provider = new BedrockProvider();
        ChatRequest request = ChatRequestReader.read(BedrockFixtures.tree("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"seed":1,
                 "response_format":{"type":"json_object"}}"""));
        GatewayException e = assertThrows(GatewayException.class, () -> provider.params().apply(request, false));
        assertEquals("seed", e.param());
        assertTrue(e.getMessage().contains("drop_params"), e.getMessage());
        assertEquals(List.of("response_format"), provider.params().apply(request, true).presentParams());
    }
}
