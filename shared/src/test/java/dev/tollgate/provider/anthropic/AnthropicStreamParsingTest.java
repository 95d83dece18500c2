package dev.tollgate.provider.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.testing.ChoppedInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A recorded stream read through {@link dev.tollgate.http.SseReader} in pieces cut at every byte
 * offset: inside event names, between CR and LF, and inside the multi-byte characters of
 * "héllo 日本語 🚀". Every cut must give the very same chunks as the whole stream.
 */
class AnthropicStreamParsingTest {
    private static final String TEXT = "héllo 日本語 🚀";

    @Test
    void everySingleSplitPointGivesTheSameChunks() {
        byte[] data = Fixtures.bytes("streams/text.sse");
        JsonNode whole = tree(StreamReplay.chunks(new ByteArrayInputStream(data)));
        for (int cut = 0; cut <= data.length; cut++) {
            List<ChatCompletionChunk> chunks = StreamReplay.chunks(ChoppedInput.cutAt(data, cut));
            assertEquals(TEXT, StreamReplay.content(chunks), "cut at byte " + cut);
            assertEquals(whole, tree(chunks), "cut at byte " + cut);
        }
    }

    @Test
    void everySplitPointInsideTheMultiByteTextWithCrLfLineEnds() {
        byte[] data = Fixtures.text("streams/text.sse").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= data.length; cut++) {
            assertEquals(TEXT, StreamReplay.content(StreamReplay.chunks(ChoppedInput.cutAt(data, cut))),
                    "cut at byte " + cut);
        }
    }

    @Test
    void oneByteAtATime() {
        byte[] data = Fixtures.bytes("streams/tool_use.sse");
        int[] cuts = new int[data.length];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        List<ChatCompletionChunk> chunks = StreamReplay.chunks(ChoppedInput.cutAt(data, cuts));
        assertEquals(tree(StreamReplay.chunks(new ByteArrayInputStream(data))), tree(chunks));
        assertEquals("{\"location\": \"Zürich\", \"unit\": \"c\"}", StreamReplay.toolCalls(chunks).get(1)[2]);
    }

    @Test
    void everyPairOfSplitPointsAroundTheEmoji() {
        byte[] data = Fixtures.bytes("streams/text.sse");
        int emoji = indexOf(data, "🚀".getBytes(StandardCharsets.UTF_8));
        for (int a = emoji - 2; a <= emoji + 4; a++) {
            for (int b = a + 1; b <= emoji + 5; b++) {
                assertEquals(TEXT, StreamReplay.content(StreamReplay.chunks(ChoppedInput.cutAt(data, a, b))),
                        "cuts at " + a + " and " + b);
            }
        }
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    private static JsonNode tree(List<ChatCompletionChunk> chunks) {
        return Fixtures.tree(chunks);
    }
}
