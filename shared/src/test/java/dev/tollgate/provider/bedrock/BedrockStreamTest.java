package dev.tollgate.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.Deployment;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.provider.ChunkStream;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.BedrockWire;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ConverseStream through the SDK against the mock's binary event stream. */
class BedrockStreamTest {
    private static final String STREAM = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static MockUpstream mock;
    private static BedrockProvider provider;
    private static Deployment deployment;

    @BeforeAll
    static void start() {
        mock = MockUpstream.start(new BedrockWire());
        provider = new BedrockProvider();
        deployment = BedrockFixtures.deployment(mock, BedrockFixtures.MODEL_ID, null);
        provider.prepare(deployment);
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static ChunkStream open() {
        return provider.stream(BedrockFixtures.call(deployment, BedrockFixtures.tree(STREAM)));
    }

    @Test
    void streamsMoreEventsThanTheLookAheadWindowHolds() {
        List<Answer.ToolCallSpec> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(new Answer.ToolCallSpec("tu_" + i, "f" + i, "{\"i\":" + i + "}"));
        }
        mock.enqueue(Behavior.reply(new Answer(null, calls, "tool_calls", 10, 5, 0)));
        Map<Integer, StringBuilder> args = new TreeMap<>();
        String finish = null;
        int chunks = 0;
        try (ChunkStream s = open()) {
            for (ChatCompletionChunk c = s.next(); c != null; c = s.next(), chunks++) {
                if (c.choices().isEmpty()) {
                    continue;
                }
                var delta = c.choices().get(0).delta();
                if (delta.toolCalls() != null) {
                    var call = delta.toolCalls().get(0);
                    args.computeIfAbsent(call.index(), k -> new StringBuilder()).append(call.function().arguments());
                }
                finish = c.choices().get(0).finishReason() != null ? c.choices().get(0).finishReason() : finish;
            }
        }
        assertTrue(chunks > BedrockChunkStream.WINDOW, "only " + chunks + " chunks");
        assertEquals(12, args.size());
        assertEquals("{\"i\":11}", args.get(11).toString());
        assertEquals("tool_calls", finish);
    }

    @Test
    void closingEarlyEndsTheStreamWithoutWaitingForTheRest() {
        mock.enqueue(new Behavior.SlowStream(Answer.text("one two three four five six"), Duration.ofMillis(300)));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            ChunkStream s = open();
            assertEquals("assistant", s.next().choices().get(0).delta().role());
            s.close();
            assertNull(s.next());
        });
    }

    @Test
    void throwsAnExceptionEventMidStreamAsItsKind() {
        mock.enqueue(new Behavior.ErrorMidStream(Answer.text("partial answer"), 2, "Overloaded"));
        try (ChunkStream s = open()) {
            s.next();
            s.next();
            GatewayException e = assertThrows(GatewayException.class, s::next);
            assertEquals(ErrorKind.UPSTREAM_UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains("Overloaded"), e.getMessage());
        }
    }
}
