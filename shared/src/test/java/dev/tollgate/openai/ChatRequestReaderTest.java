package dev.tollgate.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.GatewayException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatRequestReaderTest {

    private static ChatRequest read(String json) throws Exception {
        return ChatRequestReader.read(Json.MAPPER.readTree(json));
    }

    @Test
    void readsEveryRoleAndBothContentForms() throws Exception {
        ChatRequest r = read("""
                {"model":"m","messages":[
                  {"role":"system","content":"sys"},
                  {"role":"developer","content":"dev"},
                  {"role":"user","content":[{"type":"text","text":"look"},
                    {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"low"}},
                    {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}},
                    {"type":"input_audio","input_audio":{"data":"AAA=","format":"wav"}}]},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
                    "function":{"name":"f","arguments":"{\\"a\\":1}"}}]},
                  {"role":"tool","tool_call_id":"c1","content":"42"}]}""");
        assertEquals(List.of(Role.SYSTEM, Role.DEVELOPER, Role.USER, Role.ASSISTANT, Role.TOOL),
                r.messages().stream().map(Message::role).toList());
        Content.Parts parts = assertInstanceOf(Content.Parts.class, r.messages().get(2).content());
        ContentPart.ImagePart inline = assertInstanceOf(ContentPart.ImagePart.class, parts.parts().get(1));
        assertEquals("image/png", inline.imageUrl().dataUrl().mediaType());
        assertEquals("iVBORw0KGgo=", inline.imageUrl().dataUrl().base64Data());
        assertEquals("low", inline.imageUrl().detail());
        assertNull(((ContentPart.ImagePart) parts.parts().get(2)).imageUrl().dataUrl());
        assertEquals("input_audio", ((ContentPart.OtherPart) parts.parts().get(3)).type());
        assertEquals("look", parts.text());
        assertEquals("{\"a\":1}", r.messages().get(3).toolCalls().get(0).function().arguments());
        assertEquals("c1", r.messages().get(4).toolCallId());
    }

    @Test
    void writesMessagesBackInTheShapeTheyCameIn() throws Exception {
        String messages = "[{\"role\":\"user\",\"content\":\"plain\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"parts\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]},"
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"content\":\"ok\",\"tool_call_id\":\"c1\"}]";
        ChatRequest r = read("{\"model\":\"m\",\"messages\":" + messages + "}");
        assertEquals(Json.MAPPER.readTree(messages), Json.MAPPER.valueToTree(r.messages()));
    }

    @Test
    void readsSamplingToolsAndFormatParameters() throws Exception {
        ChatRequest r = read("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"temperature":0.2,"top_p":0.9,
                 "max_tokens":100,"max_completion_tokens":50,"stop":"END","n":2,"seed":7,"user":"u1",
                 "metadata":{"tenant_id":"t1"},"parallel_tool_calls":false,
                 "tools":[{"type":"function","function":{"name":"f","description":"d","parameters":{"type":"object"},"strict":true}}],
                 "tool_choice":{"type":"function","function":{"name":"f"}},
                 "response_format":{"type":"json_schema","json_schema":{"name":"s","schema":{"type":"object"},"strict":true}},
                 "stream":true,"stream_options":{"include_usage":true},
                 "presence_penalty":0.5,"logprobs":true,"fallbacks":["other"],"num_retries":3}""");
        assertEquals(0.2, r.temperature());
        assertEquals(List.of("END"), r.stop());
        assertEquals(50, r.maxOutputTokens());
        assertEquals(7L, r.seed());
        assertEquals("t1", r.metadata().path("tenant_id").asText());
        assertEquals("f", r.tools().get(0).function().name());
        assertEquals(Boolean.TRUE, r.tools().get(0).function().strict());
        assertEquals(new ToolChoice.Named("f"), r.toolChoice());
        assertTrue(r.responseFormat().isJsonSchema());
        assertEquals("s", r.responseFormat().jsonSchema().name());
        assertTrue(r.stream() && r.wantsStreamUsage());
        assertEquals(Set.of("presence_penalty", "logprobs"), r.extra().keySet());
        assertEquals(Set.of("fallbacks", "num_retries"), r.gatewayParams().keySet());
    }

    @Test
    void readsLegacyFunctionsAsTools() throws Exception {
        ChatRequest r = read("""
                {"model":"m","messages":[{"role":"user","content":"x"}],
                 "functions":[{"name":"f","parameters":{"type":"object"}}],"function_call":{"name":"f"}}""");
        assertEquals("f", r.tools().get(0).function().name());
        assertEquals(new ToolChoice.Named("f"), r.toolChoice());
    }

    @Test
    void dropsNamedParametersAndKeepsTheRest() throws Exception {
        ChatRequest r = read("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"seed":1,"temperature":0.5,"logit_bias":{}}""");
        ChatRequest dropped = r.without(Set.of("seed", "logit_bias"));
        assertNull(dropped.seed());
        assertEquals(0.5, dropped.temperature());
        assertTrue(dropped.extra().isEmpty());
        assertEquals(List.of("temperature"), dropped.presentParams());
    }

    @Test
    void rejectsNonBase64DataUrl() throws Exception {
        GatewayException e = assertThrows(GatewayException.class, () -> read("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png,raw"}}]}]}"""));
        assertEquals("messages[0].content[0].image_url.url", e.param());
    }

    @Test
    void rejectsMoreThanFourStopSequences() {
        GatewayException e = assertThrows(GatewayException.class, () -> read("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"stop":["a","b","c","d","e"]}"""));
        assertEquals("stop", e.param());
    }

    @Test
    void acceptsToolArgumentsGivenAsAnObject() throws Exception {
        JsonNode body = Json.MAPPER.readTree("""
                {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function",
                 "function":{"name":"f","arguments":{"a":1}}}]}]}""");
        assertEquals("{\"a\":1}", ChatRequestReader.read(body).messages().get(0).toolCalls().get(0).function().arguments());
    }
}
