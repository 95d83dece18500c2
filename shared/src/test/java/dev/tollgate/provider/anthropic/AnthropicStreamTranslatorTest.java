package dev.tollgate.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.SseEvent;
import dev.tollgate.openai.ChatCompletionChunk;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicStreamTranslatorTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "tool_use"})
    void translatesRecordedStreamChunkByChunk(String name) {
        List<ChatCompletionChunk> chunks = replay(name);
        JsonNode expected = Fixtures.tree(Fixtures.json("streams/" + name + ".chunks.json"));
        assertEquals(expected.size(), chunks.size(), "chunk count");
        for (int i = 0; i < chunks.size(); i++) {
            assertEquals(expected.get(i), Fixtures.tree(chunks.get(i)), "chunk " + i);
        }
    }

    @Test
    void textDeltasReassembleExactly() {
        assertEquals("héllo 日本語 🚀", StreamReplay.content(replay("text")));
    }

    @Test
    void givesANoInputToolCallEmptyObjectArguments() {
        AnthropicStreamTranslator t = new AnthropicStreamTranslator("m", "chatcmpl-x", 1L, false);
        List<ChatCompletionChunk> chunks = new java.util.ArrayList<>();
        for (SseEvent e : List.of(
                event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"usage\":{\"input_tokens\":3}}}"),
                event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"now\",\"input\":{}}}"),
                event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}"),
                event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"))) {
            chunks.addAll(t.translate(e));
        }
        Map<Integer, String[]> calls = StreamReplay.toolCalls(chunks);
        assertEquals("now", calls.get(0)[1]);
        assertEquals("{}", calls.get(0)[2]);
    }

    @Test
    void toolArgumentDeltasReassembleExactly() {
        List<ChatCompletionChunk> chunks = replay("tool_use");
        Map<Integer, String[]> calls = StreamReplay.toolCalls(chunks);
        assertEquals(2, calls.size());
        assertEquals("toolu_01T1x1fJ34qAmk2tNTrN7Up6", calls.get(0)[0]);
        assertEquals("get_weather", calls.get(0)[1]);
        assertEquals("{\"location\": \"San Francisco, CA\"}", calls.get(0)[2]);
        assertEquals("{\"location\": \"Zürich\", \"unit\": \"c\"}", calls.get(1)[2]);
        assertEquals("Okay, let's check the weather.", StreamReplay.content(chunks));
        assertEquals("Two cities, two calls.", StreamReplay.reasoning(chunks));
    }

    @Test
    void everyChunkCarriesTheMessageStartId() {
        for (ChatCompletionChunk c : replay("tool_use")) {
            assertEquals("msg_014p7gG3wDgGV9EUtLvnow3U", c.id());
        }
    }

    @Test
    void finishesOnlyAtMessageStop() {
        AnthropicStreamTranslator t = StreamReplay.translator();
        t.translate(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"usage\":{}}}"));
        t.translate(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}}"));
        assertFalse(t.finished());
        List<ChatCompletionChunk> last = t.translate(event("message_stop", "{\"type\":\"message_stop\"}"));
        assertTrue(t.finished());
        assertTrue(last.get(0).choices().isEmpty());
    }

    @Test
    void pingsUnknownEventsAndBlockStopsYieldNothing() {
        AnthropicStreamTranslator t = StreamReplay.translator();
        assertTrue(t.translate(event("ping", "{\"type\": \"ping\"}")).isEmpty());
        assertTrue(t.translate(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")).isEmpty());
        assertTrue(t.translate(event("brand_new", "{\"type\":\"brand_new\",\"x\":1}")).isEmpty());
        assertTrue(t.translate(event(null, "")).isEmpty());
    }

    @Test
    void messageDeltaUsageIsCumulativeAndOverridesTheStart() {
        AnthropicStreamTranslator t = StreamReplay.translator();
        t.translate(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                + "\"usage\":{\"input_tokens\":5,\"cache_read_input_tokens\":20,\"output_tokens\":1}}}"));
        t.translate(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"},"
                + "\"usage\":{\"input_tokens\":7,\"cache_creation_input_tokens\":3,\"output_tokens\":40}}"));
        var usage = t.translate(event("message_stop", "{\"type\":\"message_stop\"}")).get(0).usage();
        assertEquals(7 + 20 + 3, usage.promptTokens());
        assertEquals(40, usage.completionTokens());
        assertEquals(20, usage.promptTokensDetails().cachedTokens());
        assertEquals(3, usage.cacheCreationInputTokens());
    }

    @Test
    void jsonModeStreamsTheJsonToolInputAsContentAndFinishesWithStop() {
        AnthropicStreamTranslator t = new AnthropicStreamTranslator("m", "id", 1, true);
        t.translate(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\"}}"));
        assertTrue(t.translate(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"json_tool_call\",\"input\":{}}}"))
                .isEmpty());
        List<ChatCompletionChunk> piece = t.translate(event("content_block_delta", "{\"type\":\"content_block_delta\","
                + "\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":1}\"}}"));
        assertEquals("{\"a\":1}", piece.get(0).choices().get(0).delta().content());
        assertNull(piece.get(0).choices().get(0).delta().toolCalls());
        List<ChatCompletionChunk> finish = t.translate(event("message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"}}"));
        assertEquals("stop", finish.get(0).choices().get(0).finishReason());
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
            "overloaded_error, Overloaded, UPSTREAM_UNAVAILABLE",
            "rate_limit_error, Too many requests, RATE_LIMITED",
            "api_error, Internal server error, UPSTREAM_ERROR",
            "invalid_request_error, Bad tool schema, INVALID_REQUEST",
            "invalid_request_error, prompt is too long: 210000 tokens > 200000 maximum, CONTEXT_WINDOW_EXCEEDED",
            "authentication_error, invalid x-api-key, AUTHENTICATION",
            "permission_error, no access, PERMISSION_DENIED",
            "not_found_error, no such model, NOT_FOUND",
            "request_too_large, too big, REQUEST_TOO_LARGE",
            "timeout_error, took too long, TIMEOUT",
            "something_else, ?, UPSTREAM_ERROR"})
    void errorEventThrowsTheMappedKind(String type, String message, ErrorKind kind) {
        AnthropicStreamTranslator t = StreamReplay.translator();
        GatewayException e = assertThrows(GatewayException.class, () -> t.translate(event("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}")));
        assertEquals(kind, e.kind());
        assertEquals(type, e.code());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void anEventThatIsNotJsonIsAnUpstreamError() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> StreamReplay.translator().translate(event("content_block_delta", "{\"type\":")));
        assertEquals(ErrorKind.UPSTREAM_ERROR, e.kind());
    }

    private static List<ChatCompletionChunk> replay(String name) {
        return StreamReplay.chunks(new ByteArrayInputStream(Fixtures.bytes("streams/" + name + ".sse")));
    }

    private static SseEvent event(String name, String data) {
        return new SseEvent(name, data);
    }
}
