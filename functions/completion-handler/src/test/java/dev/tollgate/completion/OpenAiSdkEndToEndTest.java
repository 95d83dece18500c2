package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.OpenAIException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.ProviderWire;
import dev.tollgate.testing.ProviderWires;
import dev.tollgate.testing.TestConfigs;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The official OpenAI Java SDK as the client, the real server, each provider behind its mock. */
class OpenAiSdkEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<ProviderWire> wires() {
        return ProviderWires.all().stream();
    }

    private static OpenAIClient client(TestGateway gw, String key) {
        return OpenAIOkHttpClient.builder().baseUrl(gw.baseUrl() + "/v1").apiKey(key).maxRetries(0).build();
    }

    private static TestGateway gateway(MockUpstream mock) {
        return new TestGateway(TestConfigs.config(List.of(TestConfigs.deployment("m", mock)),
                TestGateway.MASTER_KEY, false));
    }

    private static ChatCompletionCreateParams.Builder ask(String text) {
        return ChatCompletionCreateParams.builder().model("m").addUserMessage(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void completesThroughTheSdk(ProviderWire wire) {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(Behavior.reply(Answer.text("Bonjour !").withUsage(10, 4, 0)));
            ChatCompletion c = client(gw, TestGateway.MASTER_KEY).chat().completions().create(ask("Say hi").build());
            c.validate();
            assertEquals("Bonjour !", c.choices().get(0).message().content().orElseThrow());
            assertEquals(ChatCompletion.Choice.FinishReason.STOP, c.choices().get(0).finishReason());
            assertEquals(14, c.usage().orElseThrow().totalTokens());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void streamsThroughTheSdk(ProviderWire wire) {
        String text = "Streaming works, even with ünïcödé and emoji 🎉.";
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(Behavior.reply(Answer.text(text).withUsage(8, 13, 0)));
            ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
            ChatCompletionCreateParams params = ask("Stream please")
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
            try (StreamResponse<ChatCompletionChunk> s = client(gw, TestGateway.MASTER_KEY).chat().completions()
                    .createStreaming(params)) {
                s.stream().forEach(chunk -> {
                    chunk.validate();
                    acc.accumulate(chunk);
                });
            }
            ChatCompletion c = acc.chatCompletion();
            assertEquals(text, c.choices().get(0).message().content().orElseThrow());
            assertEquals(ChatCompletion.Choice.FinishReason.STOP, c.choices().get(0).finishReason());
            assertEquals(21, c.usage().orElseThrow().totalTokens());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void callsToolsAndSendsResultsBack(ProviderWire wire) throws Exception {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            mock.enqueue(Behavior.reply(Answer.toolCall("call_w1", "get_weather", "{\"city\":\"Oslo\"}")),
                    Behavior.reply(Answer.text("It is -3°C in Oslo.")));
            OpenAIClient client = client(gw, TestGateway.MASTER_KEY);
            FunctionDefinition fn = FunctionDefinition.builder().name("get_weather").description("Weather now")
                    .parameters(FunctionParameters.builder()
                            .putAdditionalProperty("type", JsonValue.from("object"))
                            .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                            .build())
                    .build();
            ChatCompletionCreateParams first = ask("Weather in Oslo?").addFunctionTool(fn).build();
            ChatCompletion c = client.chat().completions().create(first);
            assertEquals(ChatCompletion.Choice.FinishReason.TOOL_CALLS, c.choices().get(0).finishReason());
            ChatCompletionMessageFunctionToolCall call = c.choices().get(0).message().toolCalls().orElseThrow()
                    .get(0).asFunction();
            assertEquals("get_weather", call.function().name());
            assertEquals(JSON.readTree("{\"city\":\"Oslo\"}"), JSON.readTree(call.function().arguments()));

            ChatCompletion answer = client.chat().completions().create(first.toBuilder()
                    .addMessage(c.choices().get(0).message())
                    .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id()).content("-3C").build())
                    .build());
            assertEquals("It is -3°C in Oslo.", answer.choices().get(0).message().content().orElseThrow());
            String sent = mock.lastRequest().body().toString();
            assertTrue(sent.contains(call.id()) && sent.contains("-3C"), sent);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wires")
    void surfacesErrorsAsSdkExceptions(ProviderWire wire) {
        try (MockUpstream mock = MockUpstream.start(wire); TestGateway gw = gateway(mock)) {
            OpenAIClient client = client(gw, TestGateway.MASTER_KEY);
            BadRequestException unknown = assertThrows(BadRequestException.class, () -> client.chat().completions()
                    .create(ChatCompletionCreateParams.builder().model("nope").addUserMessage("x").build()));
            assertTrue(unknown.getMessage().contains("/v1/models"), unknown.getMessage());
            assertEquals("model", unknown.param().orElse(null));

            assertThrows(UnauthorizedException.class, () -> client(gw, "sk-wrong").chat().completions()
                    .create(ask("x").build()));

            mock.enqueue(new Behavior.Fail(429, "Rate limit reached", Map.of("Retry-After", "3")));
            RateLimitException limited = assertThrows(RateLimitException.class,
                    () -> client.chat().completions().create(ask("x").build()));
            assertEquals("3", limited.headers().values("retry-after").get(0));

            mock.enqueue(new Behavior.CutStream(Answer.text("a stream that breaks in the middle"), 3));
            assertThrows(OpenAIException.class, () -> {
                try (StreamResponse<ChatCompletionChunk> s = client.chat().completions()
                        .createStreaming(ask("x").build())) {
                    s.stream().forEach(chunk -> { });
                }
            });
        }
    }
}
