package dev.tollgate.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.SseEvent;
import dev.tollgate.http.SseReader;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatCompletionChunk.ChunkChoice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeminiStreamTranslatorTest {
    private static final byte[] RECORDED = GeminiFixtures.bytes("streams/text_and_tool.sse");

    private static GeminiStreamTranslator translator() {
        return new GeminiStreamTranslator("gemini", "fallback-model", "chatcmpl-1", 1L);
    }

    private static List<ChatCompletionChunk> replay(InputStream in, GeminiStreamTranslator t) throws IOException {
        SseReader reader = new SseReader(in);
        List<ChatCompletionChunk> out = new ArrayList<>();
        SseEvent e;
        while (!t.finished() && (e = reader.next()) != null) {
            out.addAll(t.translate(e));
        }
        return out;
    }

    /** Serves the bytes {@code size} at a time, so multi-byte characters are split across reads. */
    private static InputStream inPiecesOf(byte[] data, int size) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, size));
            }
        };
    }

    @Test
    void translatesARecordedStreamChunkByChunk() throws IOException {
        List<ChatCompletionChunk> chunks = replay(new ByteArrayInputStream(RECORDED), translator());
        assertEquals(6, chunks.size());
        assertEquals("assistant", delta(chunks.get(0)).role());
        assertEquals("Grüße aus ", delta(chunks.get(1)).content());
        assertEquals("Köln 🌧", delta(chunks.get(2)).content());
        var call = delta(chunks.get(3)).toolCalls().get(0);
        assertEquals(0, call.index());
        assertEquals("call_0", call.id());
        assertEquals("get_weather", call.function().name());
        assertEquals("{\"city\":\"Köln\"}", call.function().arguments());
        assertEquals("tool_calls", chunks.get(4).choices().get(0).finishReason());
        ChatCompletionChunk usage = chunks.get(5);
        assertTrue(usage.choices().isEmpty());
        assertEquals(15, usage.usage().promptTokens());
        assertEquals(11, usage.usage().completionTokens());
        assertEquals(4, usage.usage().promptTokensDetails().cachedTokens());
        for (ChatCompletionChunk c : chunks) {
            assertEquals("chatcmpl-1", c.id());
            assertEquals("gemini-2.5-flash", c.model());
        }
    }

    @ParameterizedTest(name = "{0} bytes a read")
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void reassemblesTheSameTextWhateverTheReadSizes(int size) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ChatCompletionChunk c : replay(inPiecesOf(RECORDED, size), translator())) {
            for (ChunkChoice choice : c.choices()) {
                if (choice.delta().content() != null) {
                    text.append(choice.delta().content());
                }
            }
        }
        assertEquals("Grüße aus Köln 🌧", text.toString());
    }

    @Test
    void isNotFinishedUntilAFinishReasonArrives() throws IOException {
        String recorded = new String(RECORDED, StandardCharsets.UTF_8);
        byte[] cut = recorded.substring(0, recorded.lastIndexOf("data: ")).getBytes(StandardCharsets.UTF_8);
        GeminiStreamTranslator t = translator();
        replay(new ByteArrayInputStream(cut), t);
        assertFalse(t.finished());
    }

    @Test
    void throwsTheErrorAChunkCarries() {
        GatewayException e = assertThrows(GatewayException.class, () -> translator().translate(new SseEvent(null,
                "{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}")));
        assertEquals(ErrorKind.UPSTREAM_UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("overloaded"));
    }

    @Test
    void throwsContentPolicyForAPromptBlockedInTheStream() {
        GatewayException e = assertThrows(GatewayException.class, () -> translator().translate(new SseEvent(null,
                "{\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"}}")));
        assertEquals(ErrorKind.CONTENT_POLICY, e.kind());
    }

    private static ChatCompletionChunk.Delta delta(ChatCompletionChunk c) {
        assertNull(c.choices().get(0).finishReason());
        return c.choices().get(0).delta();
    }
}
