package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.openai.ChatCompletionChunk.Delta;
import dev.tollgate.openai.ChatCompletionChunk.ToolCallDelta;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamTokensTest {
    private final StreamTokens tokens = new StreamTokens(ChatRequestReader.read(Json.MAPPER.valueToTree(
            java.util.Map.of("model", "m", "messages", List.of(java.util.Map.of("role", "user", "content", "12345678"))))));

    private static ChatCompletionChunk chunk(Delta delta) {
        return ChatCompletionChunk.of("id", 0, "m", List.of(ChunkChoice.of(0, delta, null)));
    }

    @Test
    void withoutUsageChargesThePromptEstimateAndAToken4BytesOfStreamedText() {
        tokens.count(chunk(Delta.role("assistant")));
        tokens.count(chunk(Delta.content("héllo")));
        tokens.count(chunk(Delta.toolCall(ToolCallDelta.start(0, "call_1", "get"))));
        tokens.count(chunk(Delta.toolCall(ToolCallDelta.arguments(0, "{\"a\":1}"))));
        assertTrue(tokens.estimated());
        assertEquals(2 + 4, tokens.promptTokens(), "8 bytes of prompt, plus the message's framing");
        assertEquals(4, tokens.completionTokens(), "6 + 3 + 7 = 16 bytes");
    }

    @Test
    void reportedUsageWins() {
        tokens.count(chunk(Delta.content("a long piece of text")));
        tokens.count(ChatCompletionChunk.usageOnly("id", 0, "m", Usage.of(40, 9)));
        assertFalse(tokens.estimated());
        assertEquals(40, tokens.promptTokens());
        assertEquals(9, tokens.completionTokens());
    }
}
