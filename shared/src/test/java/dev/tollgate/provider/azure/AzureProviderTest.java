package dev.tollgate.provider.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.ModelInfo;
import dev.tollgate.config.ProviderKind;
import dev.tollgate.config.Secret;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.EmbeddingCall;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.AzureWire;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Azure's transport against a mock: per-deployment URLs, api-version, api-key or Entra ID bearer. */
class AzureProviderTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static MockUpstream mock;
    private static AzureProvider provider;

    @BeforeAll
    static void start() {
        mock = MockUpstream.start(new AzureWire());
        provider = new AzureProvider(new UpstreamClient());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.reset();
    }

    static Deployment deployment(String apiBase, String apiVersion, Secret key, Map<String, JsonNode> params) {
        return new Deployment("gpt-4o", ProviderKind.AZURE, "my-gpt4o", key, URI.create(apiBase), apiVersion,
                LIMIT, LIMIT, null, null, null, null, params, new ModelInfo("dep-az", null, null, null, null, "chat"));
    }

    private static ChatRequest request() {
        try {
            return ChatRequestReader.read(Json.MAPPER.readTree("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"hi\"}]}"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProviderCall call(Deployment d) {
        return new ProviderCall(request(), d, d.apiKey(), LIMIT, LIMIT, "req-1");
    }

    @Test
    void postsToTheDeploymentUrlWithTheDefaultApiVersionAndApiKey() {
        provider.complete(call(deployment(mock.root(), null, new Secret("az-key"), Map.of())));
        MockUpstream.Recorded r = mock.lastRequest();
        assertEquals("/openai/deployments/my-gpt4o/chat/completions", r.path());
        assertEquals("api-version=" + AzureEndpoints.DEFAULT_API_VERSION, r.query());
        assertEquals("az-key", r.headers().getFirst("api-key"));
        assertNull(r.headers().getFirst("Authorization"));
    }

    @Test
    void sendsTheConfiguredApiVersionAndAnEntraIdTokenAsBearerInsteadOfTheKey() {
        Deployment d = deployment(mock.root() + "/", "2025-01-01-preview", new Secret("az-key"),
                Map.of("azure_ad_token", new TextNode("eyJ-token")));
        provider.complete(call(d));
        MockUpstream.Recorded r = mock.lastRequest();
        assertEquals("/openai/deployments/my-gpt4o/chat/completions", r.path());
        assertEquals("api-version=2025-01-01-preview", r.query());
        assertEquals("Bearer eyJ-token", r.headers().getFirst("Authorization"));
        assertNull(r.headers().getFirst("api-key"));
        assertTrue(!r.body().has("azure_ad_token"), r.body().toString());
    }

    @Test
    void passesAContentFilterFinishReasonThrough() {
        mock.enqueue(Behavior.reply(Answer.text("").withFinishReason("content_filter")));
        ChatCompletion c = provider.complete(call(deployment(mock.root(), null, new Secret("k"), Map.of())));
        assertEquals("content_filter", c.choices().get(0).finishReason());
        ChatCompletion golden = Json.MAPPER.convertValue(readFixture("filtered_completion.json"), ChatCompletion.class);
        assertEquals("content_filter", golden.choices().get(0).finishReason());
    }

    @Test
    void turnsAContentFilter400IntoContentPolicy() {
        mock.enqueue(Behavior.fail(400, "The response was filtered due to the prompt triggering content_filter"));
        GatewayException e = assertThrows(GatewayException.class,
                () -> provider.complete(call(deployment(mock.root(), null, new Secret("k"), Map.of()))));
        assertEquals(ErrorKind.CONTENT_POLICY, e.kind());
    }

    @Test
    void embedsThroughTheDeploymentEmbeddingsUrl() {
        Deployment d = deployment(mock.root(), "2024-06-01", new Secret("k"), Map.of());
        var request = new EmbeddingRequest("emb", List.of("a", "b"), null, false, null, null, Map.of());
        var out = provider.embed(new EmbeddingCall(request, d, d.apiKey(), LIMIT, "req-2"));
        assertEquals(2, out.vectors().size());
        assertEquals("/openai/deployments/my-gpt4o/embeddings", mock.lastRequest().path());
        assertEquals("api-version=2024-06-01", mock.lastRequest().query());
    }

    @Test
    void refusesADeploymentWithNeitherKeyNorToken() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> provider.prepare(deployment(mock.root(), null, null, Map.of())));
        assertTrue(e.getMessage().contains("azure_ad_token"));
        provider.prepare(deployment(mock.root(), null, null, Map.of("azure_ad_token", new TextNode("t"))));
    }

    private static JsonNode readFixture(String name) {
        try {
            return Json.MAPPER.readTree(AzureErrorsTest.fixture(name));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
