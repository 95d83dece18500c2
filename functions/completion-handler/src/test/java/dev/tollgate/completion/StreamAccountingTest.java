package dev.tollgate.completion;

import static dev.tollgate.completion.EnforcementCalls.chat;
import static dev.tollgate.completion.EnforcementCalls.chatAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.GatewayConfig;
import dev.tollgate.redis.SharedRedis;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.OpenAiWire;
import dev.tollgate.testing.TestConfigs;
import dev.tollgate.testing.TestRedis;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams that end without the upstream's usage are still charged, in spend and in the tpm window,
 * and give back their parallel slot: through the real server, spend in DynamoDB Local, limits in
 * redis-server.
 */
class StreamAccountingTest {
    private static final long TPM = 100_000;
    /** "hi" is 1 token by the 4-bytes estimate, plus 4 for the message's framing. */
    private static final int PROMPT_ESTIMATE = 5;

    private MockUpstream mock;
    private Tenants tenants;
    private SharedRedis redis;
    private TestGateway gw;

    @BeforeEach
    void start() {
        mock = MockUpstream.start(new OpenAiWire());
        tenants = new Tenants();
        redis = TestRedis.connectAnswering();
        GatewayConfig config = TestConfigs.config(List.of(TestConfigs.deployment("gpt-4o", mock)),
                TestGateway.MASTER_KEY, false);
        gw = new TestGateway(config, new CompletionServices(tenants.store(), null, redis, tenants.recorder(), null, null));
    }

    @AfterEach
    void stop() {
        gw.close();
        redis.close();
        mock.close();
    }

    @Test
    void callerWhoHangsUpAfterTwoChunksIsChargedAndFreesItsSlot() throws Exception {
        String key = tenants.key().limits(null, TPM, 1).create();
        mock.enqueue(new Behavior.SlowStream(Answer.text("a long answer, four bytes a frame. ".repeat(12)),
                Duration.ofMillis(40)));
        readTwoChunksAndHangUp(key);

        BigDecimal spend = awaitSpend(key);
        assertTrue(spend.compareTo(new BigDecimal("0.000005")) >= 0, "at least the prompt estimate: " + spend);
        HttpResponse<String> next = chatAs(gw, key, "gpt-4o");
        assertEquals(200, next.statusCode(), "the single parallel slot was given back: " + next.body());
        long remaining = Long.parseLong(next.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
        assertTrue(remaining < TPM - PROMPT_ESTIMATE, "the estimate counts in the tpm window: " + remaining);
        assertEquals(2, mock.requests().size());
    }

    @Test
    void streamThatFailsUpstreamMidwayIsChargedAndFreesItsSlot() {
        String key = tenants.key().limits(null, TPM, 1).create();
        // the role chunk, then "hell" and "o wo": 8 bytes streamed, 2 completion tokens
        mock.enqueue(new Behavior.ErrorMidStream(Answer.text("hello world, streamed"), 3, "upstream broke"));
        HttpResponse<String> cut = EnforcementCalls.post(gw, key, "/v1/chat/completions", chat("gpt-4o", true));
        assertTrue(cut.body().contains("event: error"), cut.body());

        assertEquals(0, new BigDecimal("0.000009").compareTo(tenants.spend(key)),
                "5 prompt x 0.000001 + 2 completion x 0.000002: " + tenants.spend(key));
        HttpResponse<String> next = chatAs(gw, key, "gpt-4o");
        assertEquals(200, next.statusCode(), "the single parallel slot was given back: " + next.body());
        assertEquals(Long.toString(TPM - PROMPT_ESTIMATE - 2),
                next.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
    }

    @Test
    void reportedUsageIsChargedWhenTheStreamEnds() {
        String key = tenants.key().limits(null, TPM, 1).create();
        HttpResponse<String> whole = EnforcementCalls.post(gw, key, "/v1/chat/completions", chat("gpt-4o", true));
        assertTrue(whole.body().contains("[DONE]"), whole.body());
        assertEquals(0, new BigDecimal("0.000026").compareTo(tenants.spend(key)), "12 x 0.000001 + 7 x 0.000002");
    }

    /** A raw connection, so the hang-up happens exactly after the second event. */
    private void readTwoChunksAndHangUp(String key) throws Exception {
        URI base = URI.create(gw.baseUrl());
        byte[] body = chat("gpt-4o", true).getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                    + key + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            int events = 0;
            for (String line = in.readLine(); line != null && events < 2; line = in.readLine()) {
                if (line.startsWith("data: {")) {
                    events++;
                }
            }
            assertEquals(2, events);
            s.setSoLinger(true, 0);
        }
    }

    private BigDecimal awaitSpend(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (tenants.spend(key).signum() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return tenants.spend(key);
    }
}
