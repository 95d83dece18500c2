package dev.tollgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.http.SseEvent;
import dev.tollgate.http.SseReader;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MockUpstreamTest {
    private static MockUpstream mock;

    @BeforeAll
    static void start() throws IOException {
        mock = MockUpstream.start(0, 4, 0);
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static ResponseReader post(String path, byte[] body, HttpConnection c) throws IOException {
        return c.exchange(HttpConnection.post("127.0.0.1", mock.port(), path, "Bearer sk-bench", body));
    }

    @Test
    void nonStreamingAnswerIsAChatCompletionWithUsage() throws IOException {
        try (HttpConnection c = new HttpConnection("127.0.0.1", mock.port(), 5_000)) {
            ResponseReader r = post("/v1/chat/completions", BenchMain.PLAIN_BODY, c);
            assertEquals(200, r.status());
            ChatCompletion completion = Json.MAPPER.readValue(r.body(), 0, r.bodyLength(), ChatCompletion.class);
            assertEquals("chat.completion", completion.object());
            assertEquals("bench-model", completion.model());
            assertEquals("stop", completion.choices().get(0).finishReason());
            assertEquals("Tollgate routes this request", completion.choices().get(0).message().content());
            assertEquals(4, completion.usage().completionTokens());
            assertEquals(MockResponses.PROMPT_TOKENS + 4, completion.usage().totalTokens());
        }
    }

    @Test
    void streamSendsContentChunksThenFinishThenUsageThenDone() throws IOException {
        List<SseEvent> events;
        try (HttpConnection c = new HttpConnection("127.0.0.1", mock.port(), 5_000)) {
            ResponseReader r = post("/chat/completions", BenchMain.STREAM_BODY, c);
            assertEquals(200, r.status());
            events = readAll(r);
        }
        assertEquals(4 + 3, events.size());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            ChatCompletionChunk chunk = Json.MAPPER.readValue(events.get(i).data(), ChatCompletionChunk.class);
            assertEquals("chat.completion.chunk", chunk.object());
            assertNull(chunk.choices().get(0).finishReason());
            text.append(chunk.choices().get(0).delta().content());
        }
        assertEquals("Tollgate routes this request", text.toString());
        ChatCompletionChunk finish = Json.MAPPER.readValue(events.get(4).data(), ChatCompletionChunk.class);
        assertEquals("stop", finish.choices().get(0).finishReason());
        ChatCompletionChunk usage = Json.MAPPER.readValue(events.get(5).data(), ChatCompletionChunk.class);
        assertTrue(usage.choices().isEmpty());
        assertEquals(4, usage.usage().completionTokens());
        assertEquals("[DONE]", events.get(6).data());
    }

    @Test
    void streamWithoutIncludeUsageHasNoUsageChunk() throws IOException {
        byte[] body = "{\"model\":\"m\",\"messages\":[],\"stream\":true}".getBytes();
        try (HttpConnection c = new HttpConnection("127.0.0.1", mock.port(), 5_000)) {
            List<SseEvent> events = readAll(post("/v1/chat/completions", body, c));
            assertEquals(4 + 2, events.size());
            JsonNode finish = Json.MAPPER.readTree(events.get(4).data());
            assertTrue(finish.path("usage").isMissingNode());
            assertEquals("[DONE]", events.get(5).data());
        }
    }

    @Test
    void keepsTheConnectionAliveAcrossRequests() throws IOException {
        try (HttpConnection c = new HttpConnection("127.0.0.1", mock.port(), 5_000)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, post("/v1/chat/completions", BenchMain.STREAM_BODY, c).status());
                assertEquals(200, post("/v1/chat/completions", BenchMain.PLAIN_BODY, c).status());
            }
        }
    }

    private static List<SseEvent> readAll(ResponseReader r) throws IOException {
        SseReader sse = new SseReader(new ByteArrayInputStream(r.body(), 0, r.bodyLength()));
        List<SseEvent> events = new ArrayList<>();
        SseEvent e;
        while ((e = sse.next()) != null) {
            events.add(e);
        }
        return events;
    }
}
