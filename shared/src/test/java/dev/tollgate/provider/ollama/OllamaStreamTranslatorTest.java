package dev.tollgate.provider.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Utf8LineReader;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.openai.ChatCompletionChunk.ToolCallDelta;
import dev.tollgate.testing.ChoppedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recorded NDJSON streams through {@link Utf8LineReader} and a fresh translator, also in pieces cut
 * at every byte offset (inside "héllo 日本語 🚀" too): every cut gives the very same chunks.
 */
class OllamaStreamTranslatorTest {
    private static final String TEXT = "héllo 日本語 🚀";

    @Test
    void translatesTheTextStreamAsTheGoldenChunksSay() {
        List<ChatCompletionChunk> chunks = replay(new ByteArrayInputStream(OllamaFixtures.bytes("streams/text.ndjson")));
        assertEquals(OllamaFixtures.json("streams/text.chunks.json"), OllamaFixtures.tree(chunks));
    }

    @Test
    void everySingleSplitPointGivesTheSameChunks() {
        byte[] data = OllamaFixtures.bytes("streams/text.ndjson");
        JsonNode whole = OllamaFixtures.tree(replay(new ByteArrayInputStream(data)));
        for (int cut = 0; cut <= data.length; cut++) {
            List<ChatCompletionChunk> chunks = replay(ChoppedInput.cutAt(data, cut));
            assertEquals(TEXT, content(chunks), "cut at byte " + cut);
            assertEquals(whole, OllamaFixtures.tree(chunks), "cut at byte " + cut);
        }
    }

    @Test
    void oneByteAtATimeWithCrLfLineEnds() {
        byte[] data = new String(OllamaFixtures.bytes("streams/text.ndjson"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int[] cuts = new int[data.length];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertEquals(TEXT, content(replay(ChoppedInput.cutAt(data, cuts))));
    }

    @Test
    void sendsEachToolCallAsOneCompleteDeltaAndFinishesWithToolCalls() {
        List<ChatCompletionChunk> chunks = replay(new ByteArrayInputStream(OllamaFixtures.bytes("streams/tool_calls.ndjson")));
        List<ToolCallDelta> calls = new ArrayList<>();
        String finish = null;
        for (ChatCompletionChunk c : chunks) {
            for (ChunkChoice choice : c.choices()) {
                if (choice.delta().toolCalls() != null) {
                    calls.addAll(choice.delta().toolCalls());
                }
                finish = choice.finishReason() != null ? choice.finishReason() : finish;
            }
        }
        assertEquals(2, calls.size());
        assertEquals(0, calls.get(0).index());
        assertEquals("call_req-1_0", calls.get(0).id());
        assertEquals("get_weather", calls.get(0).function().name());
        assertEquals("{\"city\":\"Zürich\",\"unit\":\"c\"}", calls.get(0).function().arguments());
        assertEquals(1, calls.get(1).index());
        assertEquals("call_b", calls.get(1).id());
        assertEquals("tool_calls", finish);
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.choices().isEmpty());
        assertEquals(176, last.usage().totalTokens());
    }

    @Test
    void failsOnAnErrorLineWithItsMessage() {
        OllamaStreamTranslator t = translator();
        t.translate("{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"par\"},\"done\":false}");
        GatewayException e = assertThrows(GatewayException.class,
                () -> t.translate("{\"error\":\"an error was encountered while running the model\"}"));
        assertEquals(ErrorKind.UPSTREAM_ERROR, e.kind());
        assertTrue(e.getMessage().contains("an error was encountered"), e.getMessage());
    }

    @Test
    void isNotFinishedBeforeTheDoneLine() {
        OllamaStreamTranslator t = translator();
        List<ChatCompletionChunk> first = t.translate(
                "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":false}");
        assertEquals(1, first.size());
        assertEquals("assistant", first.get(0).choices().get(0).delta().role());
        assertNull(first.get(0).choices().get(0).finishReason());
        assertTrue(!t.finished());
    }

    private static OllamaStreamTranslator translator() {
        return new OllamaStreamTranslator("ollama", "req-1", "fallback-model", OllamaFixtures.NOW);
    }

    private static List<ChatCompletionChunk> replay(InputStream in) {
        OllamaStreamTranslator t = translator();
        Utf8LineReader reader = new Utf8LineReader(in, 1 << 20);
        List<ChatCompletionChunk> out = new ArrayList<>();
        try {
            String line;
            while (!t.finished() && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    out.addAll(t.translate(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(t.finished());
        return out;
    }

    private static String content(List<ChatCompletionChunk> chunks) {
        StringBuilder sb = new StringBuilder();
        for (ChatCompletionChunk c : chunks) {
            for (ChunkChoice choice : c.choices()) {
                if (choice.delta().content() != null) {
                    sb.append(choice.delta().content());
                }
            }
        }
        return sb.toString();
    }

}
