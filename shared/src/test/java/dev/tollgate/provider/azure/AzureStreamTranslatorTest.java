package dev.tollgate.provider.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.http.SseEvent;
import dev.tollgate.http.SseReader;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.provider.openai.OpenAiWireFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureStreamTranslatorTest {

    @Test
    void dropsPromptFilterChunksAndPassesAContentFilterFinishThrough() throws IOException {
        var translator = new AzureStreamTranslator(OpenAiWireFormat.streamTranslator("azure"));
        SseReader reader = new SseReader(new ByteArrayInputStream(AzureErrorsTest.fixture("filtered_stream.sse")));
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        for (SseEvent e = reader.next(); e != null && !translator.finished(); e = reader.next()) {
            chunks.addAll(translator.translate(e));
        }
        assertTrue(translator.finished());
        assertEquals(4, chunks.size());
        for (ChatCompletionChunk c : chunks) {
            assertEquals("chatcmpl-AZ2", c.id());
        }
        assertEquals("assistant", chunks.get(0).choices().get(0).delta().role());
        assertEquals("Bonjour", chunks.get(1).choices().get(0).delta().content());
        assertEquals("content_filter", chunks.get(2).choices().get(0).finishReason());
        assertEquals(23, chunks.get(3).usage().totalTokens());
    }
}
