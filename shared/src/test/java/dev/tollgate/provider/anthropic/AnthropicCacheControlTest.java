package dev.tollgate.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import dev.tollgate.testing.TestConfigs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prompt-cache breakpoints ({@code cache_control}) reach Anthropic on the blocks they were set on. */
class AnthropicCacheControlTest {

    @Test
    void keepsCacheControlOnSystemAndUserTextBlocks() throws Exception {
        var request = ChatRequestReader.read(Json.MAPPER.readTree("""
                {"model":"m","messages":[
                  {"role":"system","content":[{"type":"text","text":"long shared context",
                     "cache_control":{"type":"ephemeral"}}]},
                  {"role":"user","content":[{"type":"text","text":"question one"},
                     {"type":"text","text":"big document","cache_control":{"type":"ephemeral","ttl":"1h"}}]}]}"""));
        JsonNode body = AnthropicRequests.toAnthropic(request,
                TestConfigs.deployment("m", "anthropic", "http://127.0.0.1:1", Map.of())).body();
        assertEquals("ephemeral", body.path("system").path(0).path("cache_control").path("type").asText(), body.toString());
        JsonNode user = body.path("messages").path(0).path("content");
        assertFalse(user.path(0).has("cache_control"), body.toString());
        assertEquals("1h", user.path(1).path("cache_control").path("ttl").asText(), body.toString());
    }
}
