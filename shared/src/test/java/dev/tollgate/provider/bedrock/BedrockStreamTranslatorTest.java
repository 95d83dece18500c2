package dev.tollgate.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.openai.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStart;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockStart;

class BedrockStreamTranslatorTest {

    private static List<ChatCompletionChunk> run(BedrockStreamTranslator t, ConverseStreamOutput... events) {
        List<ChatCompletionChunk> out = new ArrayList<>();
        for (ConverseStreamOutput e : events) {
            out.addAll(t.onEvent(e));
        }
        return out;
    }

    private static ConverseStreamOutput text(int index, String text) {
        return ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(index)
                .delta(ContentBlockDelta.fromText(text)).build();
    }

    @Test
    void turnsTextEventsIntoRoleDeltasFinishAndUsageChunks() {
        BedrockStreamTranslator t = new BedrockStreamTranslator("chatcmpl-1", 5, "m", false);
        List<ChatCompletionChunk> chunks = run(t,
                ConverseStreamOutput.messageStartBuilder().role("assistant").build(),
                text(0, "Hel"), text(0, "lo"),
                ConverseStreamOutput.contentBlockStopBuilder().contentBlockIndex(0).build(),
                ConverseStreamOutput.messageStopBuilder().stopReason("max_tokens").build(),
                ConverseStreamOutput.metadataBuilder().usage(TokenUsage.builder().inputTokens(4).outputTokens(2)
                        .totalTokens(6).build()).build());
        assertEquals(5, chunks.size());
        assertEquals("assistant", chunks.get(0).choices().get(0).delta().role());
        assertEquals("Hel", chunks.get(1).choices().get(0).delta().content());
        assertEquals("lo", chunks.get(2).choices().get(0).delta().content());
        assertEquals("length", chunks.get(3).choices().get(0).finishReason());
        assertTrue(chunks.get(4).choices().isEmpty());
        assertEquals(6, chunks.get(4).usage().totalTokens());
        assertTrue(t.stopped());
    }

    @Test
    void givesANoInputToolCallEmptyObjectArguments() {
        BedrockStreamTranslator t = new BedrockStreamTranslator("chatcmpl-1", 5, "m", false);
        List<ChatCompletionChunk> chunks = run(t,
                ConverseStreamOutput.contentBlockStartBuilder().contentBlockIndex(0)
                        .start(ContentBlockStart.fromToolUse(ToolUseBlockStart.builder().toolUseId("tu_1").name("now").build()))
                        .build(),
                ConverseStreamOutput.contentBlockStopBuilder().contentBlockIndex(0).build());
        assertEquals(2, chunks.size());
        assertEquals("{}", chunks.get(1).choices().get(0).delta().toolCalls().get(0).function().arguments());
    }

    @Test
    void numbersToolCallsFromZeroWhateverTheirBlockIndex() {
        BedrockStreamTranslator t = new BedrockStreamTranslator("chatcmpl-1", 5, "m", false);
        List<ChatCompletionChunk> chunks = run(t,
                text(0, "Checking."),
                ConverseStreamOutput.contentBlockStartBuilder().contentBlockIndex(1)
                        .start(ContentBlockStart.fromToolUse(ToolUseBlockStart.builder().toolUseId("tu_1").name("f").build()))
                        .build(),
                ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(1)
                        .delta(ContentBlockDelta.fromToolUse(ToolUseBlockDelta.builder().input("{\"a\":").build())).build(),
                ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(1)
                        .delta(ContentBlockDelta.fromToolUse(ToolUseBlockDelta.builder().input("1}").build())).build());
        ChatCompletionChunk.ToolCallDelta start = chunks.get(1).choices().get(0).delta().toolCalls().get(0);
        assertEquals(0, start.index());
        assertEquals("tu_1", start.id());
        assertEquals("f", start.function().name());
        assertEquals("{\"a\":", chunks.get(2).choices().get(0).delta().toolCalls().get(0).function().arguments());
        assertEquals(0, chunks.get(3).choices().get(0).delta().toolCalls().get(0).index());
        assertFalse(t.stopped());
    }

    @Test
    void streamsTheJsonToolInputAsContentInJsonMode() {
        BedrockStreamTranslator t = new BedrockStreamTranslator("chatcmpl-1", 5, "m", true);
        List<ChatCompletionChunk> chunks = run(t,
                ConverseStreamOutput.contentBlockStartBuilder().contentBlockIndex(0)
                        .start(ContentBlockStart.fromToolUse(ToolUseBlockStart.builder().toolUseId("t")
                                .name("json_tool_call").build())).build(),
                ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(0)
                        .delta(ContentBlockDelta.fromToolUse(ToolUseBlockDelta.builder().input("{\"a\":1}").build())).build(),
                ConverseStreamOutput.messageStopBuilder().stopReason("tool_use").build());
        assertEquals(2, chunks.size());
        assertEquals("{\"a\":1}", chunks.get(0).choices().get(0).delta().content());
        assertEquals("stop", chunks.get(1).choices().get(0).finishReason());
    }
}
