package dev.tollgate.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import dev.tollgate.testing.TestConfigs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiRequestsTest {
    private static final String CACHED = """
            {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"doc",
              "cache_control":{"type":"ephemeral"}}]}]}""";

    private static ChatRequest read(String json) throws Exception {
        return ChatRequestReader.read(Json.MAPPER.readTree(json));
    }

    private static JsonNode body(String prefix, String json, Map<String, JsonNode> params) throws Exception {
        return OpenAiRequests.toOpenAi(read(json), TestConfigs.deployment("m", prefix, "http://127.0.0.1:1/v1", params));
    }

    @Test
    void stripsAnthropicCacheMarkersForOpenAi() throws Exception {
        JsonNode part = body("openai", CACHED, Map.of()).path("messages").path(0).path("content").path(0);
        assertEquals("doc", part.path("text").asText());
        assertFalse(part.has("cache_control"), part.toString());
    }

    @Test
    void passesCacheMarkersToOpenRouter() throws Exception {
        JsonNode part = body("openrouter", CACHED, Map.of()).path("messages").path(0).path("content").path(0);
        assertEquals("ephemeral", part.path("cache_control").path("type").asText(), part.toString());
    }

    @Test
    void addressesTheUpstreamModelAndAsksForStreamUsage() throws Exception {
        JsonNode body = body("groq", """
                {"model":"m","stream":true,"messages":[{"role":"user","content":"x"}]}""", Map.of());
        assertEquals("upstream-m", body.path("model").asText());
        assertTrue(body.path("stream_options").path("include_usage").asBoolean());
    }

    @Test
    void doesNotSendStreamOptionsToMistralUnlessAsked() throws Exception {
        JsonNode body = body("mistral", """
                {"model":"m","stream":true,"messages":[{"role":"user","content":"x"}]}""", Map.of());
        assertFalse(body.has("stream_options"), body.toString());
    }

    @Test
    void fillsDeploymentParamsTheCallerLeftOutAndKeepsGatewaySettingsBack() throws Exception {
        JsonNode body = body("openai", """
                {"model":"m","temperature":0.1,"messages":[{"role":"user","content":"x"}]}""",
                Map.of("temperature", new TextNode("ignored"), "seed", IntNode.valueOf(9),
                        "organization", new TextNode("org-1"), "aws_region_name", new TextNode("us-east-1")));
        assertEquals(0.1, body.path("temperature").asDouble());
        assertEquals(9, body.path("seed").asInt());
        assertFalse(body.has("organization") || body.has("aws_region_name"), body.toString());
    }
}
