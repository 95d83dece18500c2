package dev.tollgate.provider.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.provider.ChunkStream;
import dev.tollgate.provider.EmbeddingCall;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.OllamaWire;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ollama's transport against a mock speaking its native wire: what is sent, and how streams end. */
class OllamaProviderTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static MockUpstream mock;
    private static OllamaProvider provider;

    @BeforeAll
    static void start() {
        mock = MockUpstream.start(new OllamaWire());
        provider = new OllamaProvider(new UpstreamClient());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.reset();
    }

    private static ProviderCall call(boolean stream, Secret key) {
        ChatRequest r = OllamaFixtures.request("{\"model\":\"m\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        Deployment d = OllamaFixtures.deployment(mock.apiBase(), key, Map.of());
        return new ProviderCall(r, d, key, LIMIT, LIMIT, "req-9");
    }

    private static String drain(ChunkStream s) {
        StringBuilder sb = new StringBuilder();
        for (ChatCompletionChunk c = s.next(); c != null; c = s.next()) {
            c.choices().forEach(ch -> sb.append(ch.delta().content() == null ? "" : ch.delta().content()));
        }
        return sb.toString();
    }

    @Test
    void postsToApiChatSayingStreamFalseAndSendsNoKeyWhenNoneIsConfigured() {
        var c = provider.complete(call(false, null));
        MockUpstream.Recorded r = mock.lastRequest();
        assertEquals("/api/chat", r.path());
        assertFalse(r.body().get("stream").asBoolean());
        assertEquals(OllamaFixtures.UPSTREAM_MODEL, r.body().get("model").asText());
        assertNull(r.headers().getFirst("Authorization"));
        assertEquals("chatcmpl-req-9", c.id());
        assertEquals("Hello from the mock.", c.choices().get(0).message().content());
    }

    @Test
    void sendsAConfiguredKeyAsBearerAndAsksForNdjsonWhenStreaming() {
        try (ChunkStream s = provider.stream(call(true, new Secret("proxy-key")))) {
            assertEquals("Hello from the mock.", drain(s));
        }
        MockUpstream.Recorded r = mock.lastRequest();
        assertEquals("Bearer proxy-key", r.headers().getFirst("Authorization"));
        assertEquals("application/x-ndjson", r.headers().getFirst("Accept"));
        assertTrue(r.body().get("stream").asBoolean());
    }

    @Test
    void failsAStreamThatEndsBeforeItsDoneLine() {
        mock.enqueue(new Behavior.CutStream(Answer.text("this answer will be cut short"), 2));
        try (ChunkStream s = provider.stream(call(true, null))) {
            GatewayException e = assertThrows(GatewayException.class, () -> drain(s));
            assertEquals(ErrorKind.CONNECTION, e.kind());
        }
    }

    @Test
    void failsAStreamOnAnErrorLine() {
        mock.enqueue(new Behavior.ErrorMidStream(Answer.text("partial answer here"), 2, "model runner crashed"));
        try (ChunkStream s = provider.stream(call(true, null))) {
            GatewayException e = assertThrows(GatewayException.class, () -> drain(s));
            assertTrue(e.getMessage().contains("model runner crashed"), e.getMessage());
        }
    }

    @Test
    void mapsAnUnknownModelTo404() {
        mock.enqueue(Behavior.fail(404, "model \"llama9\" not found, try pulling it first"));
        GatewayException e = assertThrows(GatewayException.class, () -> provider.complete(call(false, null)));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("llama9"), e.getMessage());
    }

    @Test
    void embedsAListThroughApiEmbedAndRefusesTokenInput() {
        Deployment d = OllamaFixtures.deployment(mock.apiBase(), null, Map.of("num_ctx",
                com.fasterxml.jackson.databind.node.IntNode.valueOf(2048)));
        var texts = new EmbeddingRequest("e", List.of("a", "b"), null, false, null, null, Map.of());
        var out = provider.embed(new EmbeddingCall(texts, d, null, LIMIT, "req-e"));
        assertEquals(2, out.vectors().size());
        assertEquals(1.5f, out.vectors().get(1)[0]);
        assertEquals("/api/embed", mock.lastRequest().path());
        assertEquals(2048, mock.lastRequest().body().path("options").path("num_ctx").asInt());
        var tokens = new EmbeddingRequest("e", null, List.of(new int[] {1, 2}), false, null, null, Map.of());
        GatewayException e = assertThrows(GatewayException.class,
                () -> provider.embed(new EmbeddingCall(tokens, d, null, LIMIT, "req-t")));
        assertEquals("input", e.param());
    }
}
