package dev.tollgate.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiResponsesTest {
    private static ChatCompletion translate(String name) {
        return GeminiResponses.toOpenAi(GeminiFixtures.response(name), "gemini", "fallback-model", "chatcmpl-fb", 1L);
    }

    @Test
    void joinsTextAndReportsThoughtsAsReasoningWithCachedTokens() {
        ChatCompletion c = translate("text_with_cache_and_thoughts");
        ChatCompletion.AssistantMessage m = c.choices().get(0).message();
        assertEquals("The answer is 42.", m.content());
        assertEquals("Considering the question.", m.reasoningContent());
        assertEquals("stop", c.choices().get(0).finishReason());
        assertEquals("gemini-2.5-flash", c.model());
        assertEquals("chatcmpl-abc123", c.id());
        Usage u = c.usage();
        assertEquals(120, u.promptTokens());
        assertEquals(16, u.completionTokens());
        assertEquals(136, u.totalTokens());
        assertEquals(100, u.promptTokensDetails().cachedTokens());
        assertEquals(10, u.completionTokensDetails().reasoningTokens());
    }

    @Test
    void numbersFunctionCallsWithoutIdsAndFinishesWithToolCalls() {
        ChatCompletion c = translate("function_call_without_id");
        ChatCompletion.AssistantMessage m = c.choices().get(0).message();
        assertNull(m.content());
        assertEquals("tool_calls", c.choices().get(0).finishReason());
        assertEquals("call_0", m.toolCalls().get(0).id());
        assertEquals("get_weather", m.toolCalls().get(0).function().name());
        assertEquals("{\"city\":\"Paris\"}", m.toolCalls().get(0).function().arguments());
        assertEquals("call_1", m.toolCalls().get(1).id());
        assertEquals("{}", m.toolCalls().get(1).function().arguments());
        assertEquals("chatcmpl-fb", c.id());
    }

    @Test
    void carriesAThoughtSignatureInsideTheToolCallId() {
        ChatCompletion c = GeminiResponses.toOpenAi("""
                {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"f","args":{}},
                "thoughtSignature":"CiQBsig=="}]},"finishReason":"STOP"}]}""".getBytes(), "gemini", "m", "id", 1L);
        assertEquals("call_0__thought__CiQBsig==", c.choices().get(0).message().toolCalls().get(0).id());
    }

    @Test
    void turnsABlockedPromptIntoAContentPolicyError() {
        GatewayException e = assertThrows(GatewayException.class, () -> translate("prompt_blocked"));
        assertEquals(ErrorKind.CONTENT_POLICY, e.kind());
        assertEquals(400, e.kind().status());
        assertTrue(e.getMessage().contains("SAFETY"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({"STOP,false,stop", "STOP,true,tool_calls", "MAX_TOKENS,false,length", "SAFETY,false,content_filter",
            "RECITATION,false,content_filter", "BLOCKLIST,false,content_filter", "PROHIBITED_CONTENT,false,content_filter",
            "SPII,false,content_filter", "MALFORMED_FUNCTION_CALL,false,stop", "OTHER,false,stop",
            "FINISH_REASON_UNSPECIFIED,false,stop"})
    void mapsFinishReasons(String gemini, boolean toolCalls, String openAi) {
        assertEquals(openAi, GeminiResponses.finishReason(gemini, toolCalls));
    }

    @Test
    void readsGoogleErrorBodiesForMessageAndStatus() {
        var d = GeminiErrors.parse("""
                {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).",
                "status":"RESOURCE_EXHAUSTED"}}""".getBytes());
        assertEquals("Resource has been exhausted (e.g. check quota).", d.message());
        assertEquals("RESOURCE_EXHAUSTED", d.code());
        assertEquals("UNAVAILABLE", GeminiErrors.parse("""
                [{"error":{"code":503,"message":"overloaded","status":"UNAVAILABLE"}}]""".getBytes()).code());
        assertEquals("<html>bad gateway</html>", GeminiErrors.parse("<html>bad gateway</html>".getBytes()).message());
    }
}
