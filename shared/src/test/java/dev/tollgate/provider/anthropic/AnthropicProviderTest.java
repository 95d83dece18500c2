package dev.tollgate.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.provider.ChunkStream;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.testing.AnthropicWire;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport against a mock speaking Anthropic's wire: what is sent, and what comes back. */
class AnthropicProviderTest {
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

    @Test
    void sendsKeyVersionAndContentTypeToV1Messages() {
        provider.complete(call(false));
        MockUpstream.Recorded r = mock.lastRequest();
        assertEquals("POST", r.method());
        assertEquals("/v1/messages", r.path());
        assertEquals("sk-ant-call", r.apiKey());
        assertEquals("2023-06-01", r.headers().getFirst("anthropic-version"));
        assertEquals("application/json", r.headers().getFirst("content-type"));
        assertEquals(Fixtures.UPSTREAM_MODEL, r.body().get("model").asText());
        assertEquals(4096, r.body().get("max_tokens").asInt());
        assertFalse(r.body().has("stream"));
    }

    @Test
    void fallsBackToTheDeploymentKeyAndTakesTheVersionFromItsParams() {
        Deployment d = Fixtures.deployment(mock.apiBase(), Map.of("anthropic_version", new TextNode("2024-01-01")), null);
        provider.complete(new ProviderCall(request(false), d, null, LIMIT, LIMIT, "req-1"));
        assertEquals("sk-ant-deployment", mock.lastRequest().apiKey());
        assertEquals("2024-01-01", mock.lastRequest().headers().getFirst("anthropic-version"));
        assertFalse(mock.lastRequest().body().has("anthropic_version"));
    }

    @Test
    void appendsOnlyMessagesToABaseEndingInV1() {
        Deployment d = Fixtures.deployment(mock.root() + "/v1/", Map.of(), null);
        provider.complete(new ProviderCall(request(false), d, new Secret("k"), LIMIT, LIMIT, "req-1"));
        assertEquals("/v1/messages", mock.lastRequest().path());
    }

    @Test
    void translatesACompletionWithCachedPromptTokens() {
        mock.enqueue(Behavior.reply(Answer.text("Bonjour.").withUsage(120, 9, 100)));
        ChatCompletion c = provider.complete(call(false));
        assertEquals("Bonjour.", c.choices().get(0).message().content());
        assertEquals("stop", c.choices().get(0).finishReason());
        assertTrue(c.id().startsWith("msg_"));
        assertEquals(120, c.usage().promptTokens());
        assertEquals(100, c.usage().promptTokensDetails().cachedTokens());
        assertEquals(129, c.usage().totalTokens());
    }

    @Test
    void translatesAToolCallAnswer() {
        mock.enqueue(Behavior.reply(Answer.toolCall("toolu_9", "get_weather", "{\"city\":\"Oslo\"}")));
        ChatCompletion c = provider.complete(call(false));
        assertEquals("tool_calls", c.choices().get(0).finishReason());
        assertEquals("toolu_9", c.choices().get(0).message().toolCalls().get(0).id());
        assertEquals("{\"city\":\"Oslo\"}", c.choices().get(0).message().toolCalls().get(0).function().arguments());
    }

    @Test
    void jsonModeAnswerComesBackAsText() {
        mock.enqueue(Behavior.reply(Answer.toolCall("toolu_j", "json_tool_call", "{\"ok\":true}")));
        ChatRequest json = Fixtures.request("""
                {"model":"claude-sonnet","messages":[{"role":"user","content":"json"}],
                 "response_format":{"type":"json_object"}}""");
        ChatCompletion c = provider.complete(new ProviderCall(json, deployment(), new Secret("k"), LIMIT, LIMIT, "r"));
        assertEquals("{\"ok\":true}", c.choices().get(0).message().content());
        assertNull(c.choices().get(0).message().toolCalls());
        assertEquals("stop", c.choices().get(0).finishReason());
        assertEquals("json_tool_call", mock.lastRequest().body().path("tool_choice").path("name").asText());
    }

    @Test
    void streamsTextAndToolCallsWithOneIdAndUsageLast() {
        Answer answer = new Answer("Looking up 日本 🚀 now.", List.of(new Answer.ToolCallSpec("toolu_1", "lookup",
                "{\"q\":\"Zürich\"}")), "tool_calls", 40, 12, 30);
        mock.enqueue(Behavior.reply(answer));
        List<ChatCompletionChunk> chunks = drain(call(true));
        assertTrue(mock.lastRequest().body().get("stream").asBoolean());
        assertEquals("Looking up 日本 🚀 now.", StreamReplay.content(chunks));
        assertEquals("{\"q\":\"Zürich\"}", StreamReplay.toolCalls(chunks).get(0)[2]);
        assertEquals(1, chunks.stream().map(ChatCompletionChunk::id).distinct().count());
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertEquals(40, last.usage().promptTokens());
        assertEquals(30, last.usage().promptTokensDetails().cachedTokens());
        assertEquals("tool_calls", chunks.get(chunks.size() - 2).choices().get(0).finishReason());
    }

    @Test
    void streamsAnswerSentInThreeByteFragments() {
        mock.enqueue(new Behavior.Fragmented(Answer.text("héllo 日本語 🚀"), 3));
        assertEquals("héllo 日本語 🚀", StreamReplay.content(drain(call(true))));
    }

    @Test
    void aStreamCutMidWayFailsInsteadOfHanging() {
        mock.enqueue(new Behavior.CutStream(Answer.text("This will be cut short."), 4));
        GatewayException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(GatewayException.class, () -> drain(call(true))));
        assertEquals(ErrorKind.CONNECTION, e.kind());
    }

    @Test
    void anErrorEventMidStreamFailsWithItsKind() {
        mock.enqueue(new Behavior.ErrorMidStream(Answer.text("Partial answer here."), 4, "Overloaded"));
        List<ChatCompletionChunk> seen = new ArrayList<>();
        GatewayException e = assertThrows(GatewayException.class, () -> drainInto(call(true), seen));
        assertEquals(ErrorKind.UPSTREAM_UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("Overloaded"));
        assertFalse(seen.isEmpty());
    }

    @Test
    void anUpstreamThatNeverAnswersTimesOutAtTheStreamTimeout() {
        mock.enqueue(new Behavior.Hang(Duration.ofSeconds(3)));
        ProviderCall call = new ProviderCall(request(true), deployment(), new Secret("k"), LIMIT,
                Duration.ofMillis(300), "r");
        GatewayException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(GatewayException.class, () -> provider.stream(call)));
        assertEquals(ErrorKind.TIMEOUT, e.kind());
    }

    @Test
    void aStalledStreamTimesOutAtTheIdleTimeout() {
        mock.enqueue(new Behavior.SlowStream(Answer.text("slow"), Duration.ofMillis(1500)));
        ProviderCall call = new ProviderCall(request(true), deployment(), new Secret("k"), Duration.ofMillis(300),
                Duration.ofSeconds(5), "r");
        GatewayException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(GatewayException.class, () -> drain(call)));
        assertEquals(ErrorKind.TIMEOUT, e.kind());
    }

    static ProviderCall call(boolean stream) {
        return new ProviderCall(request(stream), deployment(), new Secret("sk-ant-call"), LIMIT, LIMIT, "req-1");
    }

    static Deployment deployment() {
        return Fixtures.deployment(mock.apiBase(), Map.of(), null);
    }

    static ChatRequest request(boolean stream) {
        return Fixtures.request("{\"model\":\"claude-sonnet\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }

    static List<ChatCompletionChunk> drain(ProviderCall call) {
        List<ChatCompletionChunk> out = new ArrayList<>();
        drainInto(call, out);
        return out;
    }

    private static void drainInto(ProviderCall call, List<ChatCompletionChunk> out) {
        try (ChunkStream s = provider.stream(call)) {
            ChatCompletionChunk c;
            while ((c = s.next()) != null) {
                out.add(c);
            }
        }
    }
}
