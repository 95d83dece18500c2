package dev.tollgate.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.Json;
import dev.tollgate.openai.Usage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

class BedrockResponsesTest {

    private static ConverseResponse response(String stopReason, TokenUsage usage, ContentBlock... blocks) {
        return ConverseResponse.builder()
                .output(ConverseOutput.fromMessage(Message.builder().role(ConversationRole.ASSISTANT).content(blocks).build()))
                .stopReason(stopReason).usage(usage).build();
    }

    private static JsonNode asJson(ChatCompletion c) {
        return BedrockFixtures.tree(Json.string(c));
    }

    @Test
    void translatesTextAndToolUseAsTheGoldenFixtureSays() {
        ConverseResponse r = response("tool_use",
                TokenUsage.builder().inputTokens(20).outputTokens(9).totalTokens(29).build(),
                ContentBlock.fromText("Let me check."),
                ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId("tooluse_1").name("get_weather")
                        .input(Document.fromMap(Map.of("city", Document.fromString("Paris")))).build()));
        ChatCompletion c = BedrockResponses.toOpenAi(r, BedrockFixtures.MODEL_ID, "chatcmpl-req-1", 1700000000L, false);
        assertEquals(BedrockFixtures.json("responses/text_and_tool_use.json"), asJson(c));
    }

    @Test
    void leavesContentNullWhenTheAnswerIsOnlyAToolCall() {
        ConverseResponse r = response("tool_use", null, ContentBlock.fromToolUse(ToolUseBlock.builder()
                .toolUseId("t").name("f").input(Document.fromMap(Map.of())).build()));
        ChatCompletion.AssistantMessage m = BedrockResponses.toOpenAi(r, "m", "id", 1, false).choices().get(0).message();
        assertNull(m.content());
        assertEquals("{}", m.toolCalls().get(0).function().arguments());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"end_turn,stop", "stop_sequence,stop", "tool_use,tool_calls", "max_tokens,length",
            "guardrail_intervened,content_filter", "content_filtered,content_filter", "something_new,stop"})
    void mapsStopReasons(String stopReason, String finishReason) {
        assertEquals(finishReason, BedrockResponses.finishReason(stopReason));
    }

    @Test
    void countsCacheReadsAndWritesIntoPromptTokensTheLiteLlmWay() {
        Usage u = BedrockResponses.usage(TokenUsage.builder().inputTokens(10).outputTokens(5)
                .cacheReadInputTokens(100).cacheWriteInputTokens(20).build());
        assertEquals(130, u.promptTokens());
        assertEquals(135, u.totalTokens());
        assertEquals(100, u.promptTokensDetails().cachedTokens());
        assertEquals(100, u.cacheReadInputTokens());
        assertEquals(20, u.cacheCreationInputTokens());
    }

    @Test
    void returnsTheJsonToolInputAsTextInJsonMode() {
        ConverseResponse r = response("tool_use", null, ContentBlock.fromToolUse(ToolUseBlock.builder()
                .toolUseId("t").name("json_tool_call").input(Document.fromMap(Map.of("name", Document.fromString("Oslo"))))
                .build()));
        ChatCompletion.Choice choice = BedrockResponses.toOpenAi(r, "m", "id", 1, true).choices().get(0);
        assertEquals("{\"name\":\"Oslo\"}", choice.message().content());
        assertNull(choice.message().toolCalls());
        assertEquals("stop", choice.finishReason());
    }
}
