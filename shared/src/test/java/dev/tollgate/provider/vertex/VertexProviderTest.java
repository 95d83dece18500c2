package dev.tollgate.provider.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.ModelInfo;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.TestConfigs;
import dev.tollgate.testing.VertexClaudeWire;
import dev.tollgate.testing.VertexWire;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VertexProviderTest {
    private static final ModelInfo INFO = new ModelInfo("dep-1", null, null, null, null, "chat");

    private static ProviderCall call(Deployment d) throws Exception {
        return new ProviderCall(ChatRequestReader.read(Json.MAPPER.readTree(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")), d, null,
                Duration.ofSeconds(5), Duration.ofSeconds(5), "req-1");
    }

    @Test
    void callsGeminiModelsUnderThePublisherPathWithTheIssuedToken() throws Exception {
        try (MockUpstream mock = MockUpstream.start(new VertexWire())) {
            Deployment d = TestConfigs.deployment("m", mock);
            VertexProvider p = new VertexProvider(new UpstreamClient());
            p.prepare(d);
            assertEquals("Hello from the mock.", p.complete(call(d)).choices().get(0).message().content());
            p.complete(call(d));
            assertEquals(2, mock.requests().size(), "the token is fetched once, outside the recorded calls");
            MockUpstream.Recorded r = mock.lastRequest();
            assertEquals("/v1/projects/mock-project/locations/us-central1/publishers/google/models/upstream-m"
                    + ":generateContent", r.path());
            assertEquals(VertexWire.TOKEN, r.apiKey());
        }
    }

    @Test
    void callsClaudeModelsThroughRawPredictWithTheVertexVersion() throws Exception {
        try (MockUpstream mock = MockUpstream.start(new VertexClaudeWire())) {
            mock.enqueue(Behavior.reply(Answer.text("Hi from Claude.")));
            Deployment d = TestConfigs.deployment("m", mock);
            VertexProvider p = new VertexProvider(new UpstreamClient());
            p.prepare(d);
            assertEquals("Hi from Claude.", p.complete(call(d)).choices().get(0).message().content());
            MockUpstream.Recorded r = mock.lastRequest();
            assertTrue(r.path().endsWith("/publishers/anthropic/models/claude-sonnet-4@20250514:rawPredict"), r.path());
            assertEquals("vertex-2023-10-16", r.body().path("anthropic_version").asText());
            assertFalse(r.body().has("model"));
        }
    }

    @Test
    void failsPreparationNamingTheMissingSetting() {
        Map<String, JsonNode> params = new HashMap<>(new VertexWire().deploymentParams("http://127.0.0.1:1"));
        params.remove("vertex_project");
        Deployment d = TestConfigs.deployment("m", "vertex_ai", "http://127.0.0.1:1", params);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VertexProvider(new UpstreamClient()).prepare(d));
        assertTrue(e.getMessage().contains("vertex_project"), e.getMessage());
    }

    @Test
    void derivesTheRegionalOrGlobalEndpointFromTheLocation() {
        Map<String, JsonNode> params = Map.of("vertex_project", TextNode.valueOf("p"),
                "vertex_location", TextNode.valueOf("europe-west4"));
        Deployment regional = new Deployment("m", dev.tollgate.config.ProviderKind.VERTEX_AI, "gemini-2.5-pro", null,
                null, null, null, null, null, null, null, null, params, INFO);
        assertEquals("https://europe-west4-aiplatform.googleapis.com/v1/projects/p/locations/europe-west4/publishers"
                + "/google/models/gemini-2.5-pro:generateContent",
                VertexTarget.of(regional).uri("google", "gemini-2.5-pro", "generateContent").toString());
        Deployment global = new Deployment("m", dev.tollgate.config.ProviderKind.VERTEX_AI, "g", null, null, null,
                null, null, null, null, null, null, Map.of("vertex_project", TextNode.valueOf("p"),
                "vertex_location", TextNode.valueOf("global")), INFO);
        assertEquals("https://aiplatform.googleapis.com", VertexTarget.of(global).baseUrl());
    }
}
