package dev.tollgate.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestDefaultsTest {

    private static ChatRequest read(String extra) throws Exception {
        return ChatRequestReader.read(Json.MAPPER.readTree(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]" + extra + "}"));
    }

    private static Map<String, JsonNode> params(String json) throws Exception {
        return Json.MAPPER.convertValue(Json.MAPPER.readTree(json),
                Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, JsonNode.class));
    }

    @Test
    void fillsWhatTheCallerLeftOutAndKeepsWhatTheCallerSet() throws Exception {
        ChatRequest r = RequestDefaults.apply(read(",\"temperature\":0.1"), params(
                "{\"temperature\":0.9,\"max_tokens\":256,\"stop\":\"END\",\"seed\":7,\"safety_settings\":[{\"x\":1}],"
                        + "\"tools\":[{\"type\":\"function\"}],\"stream\":true}"));
        assertEquals(0.1, r.temperature());
        assertEquals(256, r.maxTokens());
        assertEquals(List.of("END"), r.stop());
        assertEquals(7L, r.seed());
        assertEquals(1, r.extra().get("safety_settings").get(0).path("x").asInt());
        assertNull(r.tools());
        assertEquals(false, r.stream());
    }

    @Test
    void ignoresDefaultsOfTheWrongType() throws Exception {
        ChatRequest r = RequestDefaults.apply(read(""), params("{\"temperature\":\"hot\",\"max_tokens\":-3}"));
        assertNull(r.temperature());
        assertNull(r.maxTokens());
    }

    @Test
    void leavesTheRequestAloneWithoutDefaults() throws Exception {
        ChatRequest r = read(",\"top_p\":0.5");
        assertSame(r, RequestDefaults.apply(r, Map.of()));
    }
}
