package dev.tollgate.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.provider.UpstreamCall;
import dev.tollgate.testing.AnthropicWire;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Error bodies, error statuses through the transport, URL building and the parameters Anthropic refuses. */
class AnthropicErrorsTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static MockUpstream mock;
    private static AnthropicProvider provider;

    @BeforeAll
    static void start() {
        mock = MockUpstream.start(new AnthropicWire());
        provider = new AnthropicProvider(new UpstreamClient());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.reset();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"400, INVALID_REQUEST, 400", "401, AUTHENTICATION, 401", "403, PERMISSION_DENIED, 403",
            "404, NOT_FOUND, 404", "429, RATE_LIMITED, 429", "500, UPSTREAM_ERROR, 502",
            "529, UPSTREAM_UNAVAILABLE, 503"})
    void mapsErrorStatuses(int status, ErrorKind kind, int gatewayStatus) {
        mock.enqueue(Behavior.fail(status, "upstream says no"), Behavior.fail(status, "upstream says no"));
        for (boolean stream : new boolean[] {false, true}) {
            GatewayException e = assertThrows(GatewayException.class, () -> send(stream));
            assertEquals(kind, e.kind());
            assertEquals(gatewayStatus, e.status());
            assertTrue(e.getMessage().contains("upstream says no"), e.getMessage());
        }
    }

    @Test
    void keepsRetryAfterOfARateLimit() {
        mock.enqueue(new Behavior.Fail(429, "Number of request tokens has exceeded your per-minute rate limit",
                MockUpstream.headers("retry-after", "7")));
        GatewayException e = assertThrows(GatewayException.class, () -> send(false));
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter());
    }

    @Test
    void promptTooLongIsAContextWindowError() {
        mock.enqueue(Behavior.fail(400, "prompt is too long: 214315 tokens > 200000 maximum"));
        GatewayException e = assertThrows(GatewayException.class, () -> send(false));
        assertEquals(ErrorKind.CONTEXT_WINDOW_EXCEEDED, e.kind());
    }

    @Test
    void readsMessageAndTypeOfAnErrorBody() {
        UpstreamCall.ErrorDetail d = AnthropicErrors.parse(bytes(
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},"
                        + "\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}"));
        assertEquals("Overloaded", d.message());
        assertEquals("overloaded_error", d.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json at all", "<html><body>502 Bad Gateway</body></html>", "{\"type\":\"error\"}",
            "{\"error\":\"a string\"}", "[1,2,3]", "null", "{\"type\":\"error\",\"error\":{\"type\":5}}", "{\"unterminated"})
    void neverThrowsOnAGarbageErrorBody(String body) {
        UpstreamCall.ErrorDetail d = assertDoesNotThrow(() -> AnthropicErrors.parse(bytes(body)));
        assertNotNull(d);
    }

    @Test
    void keepsTheStartOfANonJsonErrorBodyAsTheMessage() {
        assertEquals("502 Bad Gateway", AnthropicErrors.parse(bytes("502 Bad Gateway\n")).message());
        assertEquals(500, AnthropicErrors.parse(bytes("x".repeat(10_000))).message().length());
        assertNull(AnthropicErrors.parse(null).message());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://api.anthropic.com, https://api.anthropic.com/v1/messages",
            "https://api.anthropic.com/, https://api.anthropic.com/v1/messages",
            "https://api.anthropic.com/v1, https://api.anthropic.com/v1/messages",
            "https://api.anthropic.com/v1/, https://api.anthropic.com/v1/messages",
            "https://gw.example.com/anthropic/v1/messages, https://gw.example.com/anthropic/v1/messages",
            "https://gw.example.com/anthropic, https://gw.example.com/anthropic/v1/messages",
            "'', https://api.anthropic.com/v1/messages"})
    void buildsTheMessagesUrl(String apiBase, String expected) {
        Deployment d = Fixtures.deployment(apiBase.isEmpty() ? null : apiBase, Map.of(), null);
        assertEquals(expected, AnthropicProvider.messagesUri(d).toString());
    }

    @Test
    void rejectsParametersAnthropicHasNoCounterpartFor() {
        ChatRequest r = Fixtures.request("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"seed":7,"presence_penalty":0.5,
                 "logprobs":true,"n":1,"top_k":3}""");
        GatewayException e = assertThrows(GatewayException.class, () -> provider.params().apply(r, false));
        assertEquals("seed", e.param());
        ChatRequest dropped = provider.params().apply(r, true);
        assertEquals(List.of("n", "top_k"), dropped.presentParams());
    }

    private static void send(boolean stream) {
        ChatRequest r = Fixtures.request("{\"model\":\"m\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        ProviderCall call = new ProviderCall(r, Fixtures.deployment(mock.apiBase(), Map.of(), null), new Secret("k"),
                LIMIT, LIMIT, "req-1");
        if (stream) {
            provider.stream(call).close();
        } else {
            provider.complete(call);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
