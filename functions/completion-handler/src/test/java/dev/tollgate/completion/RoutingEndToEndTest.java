package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.FallbackSettings;
import dev.tollgate.config.RouterSettings;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.OpenAiWire;
import dev.tollgate.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Routing through the real server: what a caller sees of retries, fallbacks and cooldowns, in the
 * x-tollgate-* headers and in streams. Group "m" has "a" (weighted 1, picked first) and "b"
 * (weight 0, the retry target); "other" is its fallback.
 */
class RoutingEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String STREAM = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"hi\"}]}";
    private final List<AutoCloseable> open = new ArrayList<>();
    private final MockUpstream a = mock();
    private final MockUpstream b = mock();
    private final MockUpstream other = mock();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private MockUpstream mock() {
        MockUpstream m = MockUpstream.start(new OpenAiWire());
        open.add(m);
        return m;
    }

    private TestGateway gateway(int numRetries) {
        Deployment da = TestConfigs.withLimits(TestConfigs.deployment("m", "a", a), null, null, 1.0);
        Deployment db = TestConfigs.deployment("m", "b", b);
        Deployment dother = TestConfigs.deployment("other", "other-1", other);
        RouterSettings router = new RouterSettings("simple-shuffle", numRetries, Duration.ofSeconds(10), null,
                Map.of(), 3, Duration.ofSeconds(5), Duration.ZERO,
                new FallbackSettings(Map.of("m", List.of("other")), Map.of(), Map.of(), List.of()), false,
                RouterSettings.DEFAULT_LATENCY_WINDOW, 0);
        TestGateway gw = new TestGateway(TestConfigs.config(List.of(da, db, dother), router, TestGateway.MASTER_KEY));
        open.add(gw);
        return gw;
    }

    private static HttpRequest.Builder chat(TestGateway gw, String body) {
        return HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + TestGateway.MASTER_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static void assertRoutedHeaders(HttpResponse<?> r, String group, String modelId, int retries,
                                            int fallbacks) {
        assertNotNull(header(r, "x-tollgate-call-id"));
        assertEquals(group, header(r, "x-tollgate-model-group"));
        assertEquals(modelId, header(r, "x-tollgate-model-id"));
        assertEquals("openai", header(r, "x-tollgate-provider"));
        assertEquals(Integer.toString(retries), header(r, "x-tollgate-attempted-retries"));
        assertEquals(Integer.toString(fallbacks), header(r, "x-tollgate-attempted-fallbacks"));
        assertTimings(r);
    }

    private static void assertTimings(HttpResponse<?> r) {
        double overhead = Double.parseDouble(header(r, "x-tollgate-overhead-ms"));
        double total = Double.parseDouble(header(r, "x-tollgate-response-duration-ms"));
        assertTrue(overhead >= 0 && overhead <= total, overhead + " of " + total);
    }

    @Test
    void saysWhereARetriedAnswerCameFrom() {
        a.byDefault(Behavior.fail(500, "boom"));
        TestGateway gw = gateway(2);

        HttpResponse<String> r = gw.post("/v1/chat/completions", CHAT);

        assertEquals(200, r.statusCode(), r.body());
        assertRoutedHeaders(r, "m", "b", 1, 0);
    }

    @Test
    void streamFallsBackBeforeItsFirstByteAndSaysSo() {
        a.byDefault(Behavior.fail(503, "overloaded"));
        b.byDefault(Behavior.fail(429, "slow down"));
        other.byDefault(Behavior.reply(Answer.text("from the fallback")));
        TestGateway gw = gateway(1);

        HttpResponse<String> r = gw.post("/v1/chat/completions", STREAM);

        assertEquals(200, r.statusCode(), r.body());
        SseEvents events = SseEvents.parse(r.body());
        assertEquals("from the fallback", events.content());
        assertTrue(events.endsWithDone());
        assertRoutedHeaders(r, "other", "other-1", 1, 1);
    }

    @Test
    void streamFailingAfterItsFirstByteEndsWithAnErrorEventAndNoFallback() {
        a.byDefault(new Behavior.ErrorMidStream(Answer.text("one two three four five"), 2, "upstream died"));
        TestGateway gw = gateway(2);

        HttpResponse<String> r = gw.post("/v1/chat/completions", STREAM);

        SseEvents events = SseEvents.parse(r.body());
        assertEquals("error", events.last().name(), r.body());
        assertFalse(events.endsWithDone());
        assertEquals("a", header(r, "x-tollgate-model-id"));
        assertEquals(0, b.requests().size() + other.requests().size());
    }

    @Test
    void saysWhereAFailedCallWent() throws Exception {
        a.byDefault(Behavior.fail(400, "bad temperature"));
        TestGateway gw = gateway(2);

        HttpResponse<String> r = gw.post("/v1/chat/completions", CHAT);

        assertEquals(400, r.statusCode());
        assertEquals("invalid_request_error", JSON.readTree(r.body()).path("error").path("type").asText());
        assertEquals("m", header(r, "x-tollgate-model-group"));
        assertEquals("a", header(r, "x-tollgate-model-id"));
        assertEquals("0", header(r, "x-tollgate-attempted-retries"));
        assertEquals(0, other.requests().size(), "a bad request does not fall back");
    }

    @Test
    void answers503WithRetryAfterOnceEveryDeploymentIsCoolingDown() throws Exception {
        a.byDefault(Behavior.fail(401, "bad key a"));
        b.byDefault(Behavior.fail(401, "bad key b"));
        other.byDefault(Behavior.fail(401, "bad key other"));
        TestGateway gw = gateway(2);

        HttpResponse<String> r = gw.post("/v1/chat/completions", CHAT);

        assertEquals(401, r.statusCode(), "the fallback's own failure is the last word: " + r.body());
        assertEquals("1", header(r, "x-tollgate-attempted-fallbacks"));
        HttpResponse<String> cooled = gw.send(chat(gw, "{\"model\":\"m\",\"fallbacks\":[],\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertEquals(503, cooled.statusCode(), cooled.body());
        JsonNode error = JSON.readTree(cooled.body()).path("error");
        assertEquals("all_deployments_cooling_down", error.path("code").asText());
        assertEquals("5", header(cooled, "retry-after"));
        assertEquals(1, a.requests().size(), "a is out after its 401");
        assertEquals(1, b.requests().size(), "so is b");
    }

    @Test
    void honoursPerRequestRetriesHeader() {
        a.byDefault(Behavior.fail(500, "boom"));
        TestGateway gw = gateway(2);

        HttpResponse<String> r = gw.send(chat(gw, "{\"model\":\"m\",\"fallbacks\":[],\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"hi\"}]}").header("x-tollgate-num-retries", "0"));

        assertEquals(502, r.statusCode());
        assertEquals(0, b.requests().size());
    }

    @Test
    void rejectsABadOverrideHeaderNamingIt() throws Exception {
        TestGateway gw = gateway(2);

        HttpResponse<String> r = gw.send(chat(gw, CHAT).header("x-tollgate-timeout", "soon"));

        assertEquals(400, r.statusCode());
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertEquals("x-tollgate-timeout", error.path("param").asText());
        assertEquals("invalid_request_error", error.path("type").asText());
        assertEquals(0, a.requests().size());
    }

    @Test
    void healthCallsEveryDeploymentAndNeverShowsKeys() throws Exception {
        b.byDefault(Behavior.fail(401, "Incorrect API key provided"));
        TestGateway gw = gateway(2);

        HttpResponse<String> r = gw.get("/health");

        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(2, body.path("healthy_count").asInt());
        assertEquals(1, body.path("unhealthy_count").asInt());
        JsonNode sick = body.path("unhealthy_endpoints").path(0);
        assertEquals("b", sick.path("model_id").asText());
        assertEquals("m", sick.path("model_name").asText());
        assertTrue(sick.path("error").asText().contains("401"), sick.toString());
        assertEquals(b.apiBase(), sick.path("api_base").asText());
        assertFalse(r.body().contains("sk-upstream"), r.body());
        assertFalse(r.body().contains("api_key"), r.body());
        assertEquals(1, a.requests().size());
    }

    @Test
    void healthNeedsTheMasterKey() {
        TestGateway gw = gateway(2);

        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/health")).GET());

        assertEquals(401, r.statusCode());
        assertEquals(0, a.requests().size());
    }
}
