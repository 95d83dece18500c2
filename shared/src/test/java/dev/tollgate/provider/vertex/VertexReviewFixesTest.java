package dev.tollgate.provider.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import dev.tollgate.testing.TestConfigs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Regression tests for what the review of the Vertex provider found. */
class VertexReviewFixesTest {

    @Test
    void neverEchoesCredentialsThatAreNotAPath() {
        String mangled = "\"{\\\"type\\\":\\\"service_account\\\",\\\"private_key\\\":\\\"-----BEGIN PRIVATE KEY-----MIIE\\\"}\"";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceAccount.fromSetting(new TextNode(mangled)));
        assertFalse(e.getMessage().contains("PRIVATE KEY") || e.getMessage().contains("service_account"), e.getMessage());
    }

    @Test
    void namesAMissingCredentialsFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServiceAccount.fromSetting(new TextNode("/etc/missing/key.json")));
        assertTrue(e.getMessage().contains("/etc/missing/key.json"), e.getMessage());
    }

    @Test
    void holdsClaudeOnVertexToClaudesParameters() throws Exception {
        VertexProvider provider = new VertexProvider(new UpstreamClient());
        Deployment claude = TestConfigs.deployment("c", "vertex_ai", "http://127.0.0.1:1", Map.of(), "claude-sonnet-4");
        Deployment gemini = TestConfigs.deployment("g", "vertex_ai", "http://127.0.0.1:1", Map.of(), "gemini-2.5-flash");
        var request = ChatRequestReader.read(Json.MAPPER.readTree(
                "{\"model\":\"c\",\"presence_penalty\":0.5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
        GatewayException e = assertThrows(GatewayException.class, () -> provider.params(claude).apply(request, false));
        assertEquals("presence_penalty", e.param());
        assertTrue(provider.params(claude).apply(request, true).extra().isEmpty());
        assertEquals(provider.params(), provider.params(gemini));
    }
}
