package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.config.Deployment;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.ProviderWire;
import dev.tollgate.testing.ProviderWires;
import dev.tollgate.testing.TestConfigs;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same scenarios against every provider, each behind a mock speaking its real wire format,
 * through the real gateway server: what a caller sees must not depend on the provider.
 */
class ProviderConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNICODE = "héllo 日本語 🚀 — ünïcödé ✓";
    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String STREAM = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    static Stream<ProviderWire> wires() {
        return ProviderWires.all().stream();
    }

    private static TestGateway gateway(MockUpstream mock) {
        return gateway(TestConfigs.deployment("m", mock));
    }

    private static TestGateway gateway(Deployment d) {
        return new TestGateway(TestConfigs.config(List.of(d), TestGateway.MASTER_KEY, false));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void answersPlainCompletion(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(Behavior.reply(Answer.text("The answer is 42.").withUsage(21, 9, 0)));
            HttpResponse<String> r = gw.post("/v1/chat/completions", CHAT);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = json(r);
            assertEquals("chat.completion", body.path("object").asText());
            assertEquals("The answer is 42.", body.path("choices").path(0).path("message").path("content").asText());
            assertEquals("assistant", body.path("choices").path(0).path("message").path("role").asText());
            assertEquals("stop", body.path("choices").path(0).path("finish_reason").asText());
            assertEquals(21, body.path("usage").path("prompt_tokens").asInt());
            assertEquals(9, body.path("usage").path("completion_tokens").asInt());
            assertEquals(30, body.path("usage").path("total_tokens").asInt());
            assertEquals(wire.expectedApiKey("sk-upstream-" + wire.prefix()), mock.lastRequest().apiKey());
            assertEquals(wire.prefix(), r.headers().firstValue("x-tollgate-provider").orElseThrow());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void streamsDeltasThatReassembleWithUsage(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(Behavior.reply(Answer.text(UNICODE).withUsage(15, 11, 0)));
            HttpResponse<String> r = gw.post("/v1/chat/completions", STREAM);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            SseEvents events = SseEvents.parse(r.body());
            assertTrue(events.endsWithDone(), r.body());
            assertEquals(UNICODE, events.content());
            assertEquals("stop", events.finishReason());
            assertEquals(15, events.usage().path("prompt_tokens").asInt());
            assertEquals(11, events.usage().path("completion_tokens").asInt());
            for (JsonNode c : events.chunks()) {
                assertEquals("chat.completion.chunk", c.path("object").asText());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void leavesUsageOutOfStreamUnlessAsked(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(Behavior.reply(Answer.text("short")));
            HttpResponse<String> r = gw.post("/v1/chat/completions", STREAM.replace(
                    "\"stream_options\":{\"include_usage\":true},", ""));
            SseEvents events = SseEvents.parse(r.body());
            assertEquals("short", events.content());
            assertNull(events.usage(), r.body());
            assertTrue(events.endsWithDone());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void returnsToolCalls(ProviderWire wire) throws Exception {
        String args = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(Behavior.reply(Answer.toolCall("call_abc", "get_weather", args)),
                    Behavior.reply(Answer.toolCall("call_def", "get_weather", args)));
            String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                    + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]}";
            JsonNode body = json(gw.post("/v1/chat/completions", CHAT.substring(0, CHAT.length() - 1) + tools));
            JsonNode message = body.path("choices").path(0).path("message");
            assertEquals("tool_calls", body.path("choices").path(0).path("finish_reason").asText());
            assertEquals("call_abc", message.path("tool_calls").path(0).path("id").asText());
            assertEquals("get_weather", message.path("tool_calls").path(0).path("function").path("name").asText());
            assertEquals(JSON.readTree(args),
                    JSON.readTree(message.path("tool_calls").path(0).path("function").path("arguments").asText()));

            SseEvents events = SseEvents.parse(gw.post("/v1/chat/completions",
                    STREAM.substring(0, STREAM.length() - 1) + tools).body());
            List<String[]> calls = events.toolCalls();
            assertEquals(1, calls.size());
            assertEquals("call_def", calls.get(0)[0]);
            assertEquals("get_weather", calls.get(0)[1]);
            assertEquals(JSON.readTree(args), JSON.readTree(calls.get(0)[2]));
            assertEquals("tool_calls", events.finishReason());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void sendsToolResultsBack(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(Behavior.reply(Answer.text("It is 21°C in Paris.")));
            String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                    + "{\"role\":\"user\",\"content\":\"Weather in Paris?\"},"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"21C\"}],"
                    + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                    + "\"parameters\":{\"type\":\"object\"}}}]}";
            HttpResponse<String> r = gw.post("/v1/chat/completions", body);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("It is 21°C in Paris.", json(r).path("choices").path(0).path("message").path("content").asText());
            String sent = mock.lastRequest().body().toString();
            assertTrue(sent.contains("call_1") && sent.contains("21C") && sent.contains("Be brief."), sent);
        }
    }

    static Stream<Arguments> upstreamErrors() {
        return wires().flatMap(w -> Stream.of(
                Arguments.of(w, 400, "bad field", 400, "invalid_request_error", null),
                Arguments.of(w, 400, "This model's maximum context length is 8192 tokens; prompt is too long",
                        400, "invalid_request_error", "context_length_exceeded"),
                Arguments.of(w, 401, "invalid x-api-key", 401, "authentication_error", null),
                Arguments.of(w, 403, "no access", 403, "permission_denied_error", null),
                Arguments.of(w, 404, "no such model", 404, "not_found_error", null),
                Arguments.of(w, 429, "slow down", 429, "rate_limit_error", "rate_limit_exceeded"),
                Arguments.of(w, 500, "boom", 502, "api_error", null),
                Arguments.of(w, 503, "overloaded", 503, "api_error", null)));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("upstreamErrors")
    void mapsUpstreamErrorStatuses(ProviderWire wire, int upstream, String message, int expected, String type,
                                   String code) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            Map<String, String> headers = upstream == 429 ? Map.of("Retry-After", "7") : Map.of();
            mock.enqueue(new Behavior.Fail(upstream, message, headers));
            HttpResponse<String> r = gw.post("/v1/chat/completions", CHAT);
            assertEquals(expected, r.statusCode(), r.body());
            JsonNode error = json(r).path("error");
            assertEquals(type, error.path("type").asText(), r.body());
            assertTrue(error.path("message").asText().contains(message.substring(0, Math.min(8, message.length()))), r.body());
            if (code != null) {
                assertEquals(code, error.path("code").asText(), r.body());
            }
            if (upstream == 429) {
                assertEquals("7", r.headers().firstValue("retry-after").orElse(null));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void timesOutHangingUpstreamWith408(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire)) {
            Deployment d = TestConfigs.withTimeouts(TestConfigs.deployment("m", mock), Duration.ofMillis(300), null);
            try (TestGateway gw = gateway(d)) {
                mock.enqueue(new Behavior.Hang(Duration.ofSeconds(5)));
                HttpResponse<String> r = gw.post("/v1/chat/completions", CHAT);
                assertEquals(408, r.statusCode(), r.body());
                assertEquals("timeout_error", json(r).path("error").path("type").asText());
            }
        }
    }

    /** The test client gives up after 30 s; an error body that stalls for 60 s must not hold the call. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void answersErrorStatusEvenWhenItsBodyStalls(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire)) {
            Deployment d = TestConfigs.withTimeouts(TestConfigs.deployment("m", mock), Duration.ofMillis(300), null);
            try (TestGateway gw = gateway(d)) {
                mock.enqueue(new Behavior.StalledError(500, Duration.ofSeconds(60)));
                HttpResponse<String> r = gw.post("/v1/chat/completions", CHAT);
                assertEquals(502, r.statusCode(), r.body());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void timesOutStreamThatNeverStartsWith408(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire)) {
            Deployment d = TestConfigs.withTimeouts(TestConfigs.deployment("m", mock), Duration.ofSeconds(20),
                    Duration.ofMillis(300));
            try (TestGateway gw = gateway(d)) {
                mock.enqueue(new Behavior.Hang(Duration.ofSeconds(5)));
                HttpResponse<String> r = gw.post("/v1/chat/completions", STREAM);
                assertEquals(408, r.statusCode(), r.body());
                assertEquals("timeout_error", json(r).path("error").path("type").asText());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void endsStalledStreamWithErrorEventInsteadOfHanging(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire)) {
            Deployment d = TestConfigs.withTimeouts(TestConfigs.deployment("m", mock), Duration.ofMillis(400),
                    Duration.ofSeconds(5));
            try (TestGateway gw = gateway(d)) {
                mock.enqueue(new Behavior.SlowStream(Answer.text("slow words arrive late"), Duration.ofSeconds(2)));
                HttpResponse<String> r = gw.post("/v1/chat/completions", STREAM);
                SseEvents events = SseEvents.parse(r.body());
                assertEquals("error", events.last().name(), r.body());
                assertEquals("timeout_error", events.last().json().path("error").path("type").asText());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void reportsRefusedConnectionAs503(ProviderWire wire) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String root = "http://127.0.0.1:" + closedPort;
        Deployment d = TestConfigs.deployment("m", wire.prefix(), wire.apiBase(root), wire.deploymentParams(root));
        try (TestGateway gw = gateway(d)) {
            HttpResponse<String> r = gw.post("/v1/chat/completions", CHAT);
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("api_connection_error", json(r).path("error").path("type").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void endsCutStreamWithErrorEvent(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(new Behavior.CutStream(Answer.text("this answer will be cut short"), 3));
            HttpResponse<String> r = gw.post("/v1/chat/completions", STREAM);
            assertEquals(200, r.statusCode());
            SseEvents events = SseEvents.parse(r.body());
            assertFalse(events.endsWithDone(), r.body());
            assertEquals("error", events.last().name(), r.body());
            assertNotNull(events.last().json().path("error").path("message").asText(null));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void endsStreamWithErrorEventWhenUpstreamReportsOne(ProviderWire wire) throws Exception {
        if (wire.streamErrorFrame("x") == null) {
            return;
        }
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(new Behavior.ErrorMidStream(Answer.text("partial answer here"), 2, "Overloaded"));
            SseEvents events = SseEvents.parse(gw.post("/v1/chat/completions", STREAM).body());
            assertEquals("error", events.last().name());
            assertTrue(events.last().json().path("error").path("message").asText().contains("Overloaded"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void survivesOddByteBoundariesAndSplitUtf8(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            for (int fragment : new int[] {1, 2, 3, 5, 7, 64}) {
                mock.enqueue(new Behavior.Fragmented(Answer.text(UNICODE), fragment));
                SseEvents events = SseEvents.parse(gw.post("/v1/chat/completions", STREAM).body());
                assertEquals(UNICODE, events.content(), "fragment " + fragment);
                assertTrue(events.endsWithDone());
                mock.enqueue(new Behavior.Fragmented(Answer.text(UNICODE), fragment));
                JsonNode body = json(gw.post("/v1/chat/completions", CHAT));
                assertEquals(UNICODE, body.path("choices").path(0).path("message").path("content").asText());
            }
        }
    }
}
