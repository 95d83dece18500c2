package dev.tollgate.completion;

import static dev.tollgate.completion.EnforcementCalls.chat;
import static dev.tollgate.completion.EnforcementCalls.chatAs;
import static dev.tollgate.completion.EnforcementCalls.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.GatewayConfig;
import dev.tollgate.keys.Limits;
import dev.tollgate.redis.SharedRedis;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.OpenAiWire;
import dev.tollgate.testing.TestConfigs;
import dev.tollgate.testing.TestRedis;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** rpm, tpm and parallel limits through the real server, counted in a real redis-server. */
class LimitEnforcementTest {
    private final List<AutoCloseable> opened = new ArrayList<>();
    private MockUpstream mock;
    private Tenants tenants;
    private GatewayConfig config;

    @BeforeEach
    void start() {
        mock = MockUpstream.start(new OpenAiWire());
        tenants = new Tenants();
        config = TestConfigs.config(List.of(TestConfigs.deployment("gpt-4o", mock)), TestGateway.MASTER_KEY, false);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        mock.close();
    }

    private <T extends AutoCloseable> T open(T c) {
        opened.add(c);
        return c;
    }

    private TestGateway gateway(SharedRedis redis) {
        return open(new TestGateway(config, new CompletionServices(tenants.store(), null, redis, tenants.recorder(),
                null, null)));
    }

    private TestGateway sharedGateway() {
        return gateway(open(TestRedis.connectAnswering()));
    }

    private static int count(List<HttpResponse<String>> responses, int status) {
        return (int) responses.stream().filter(r -> r.statusCode() == status).count();
    }

    @Test
    void rpmLimitOfTenLetsExactlyTenOfThirtyCallsThrough() {
        TestGateway gw = sharedGateway();
        String key = tenants.key().limits(10, null, null).create();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            responses.add(chatAs(gw, key, "gpt-4o"));
        }
        assertEquals(10, count(responses, 200));
        assertEquals(20, count(responses, 429));
        assertEquals(10, mock.requests().size());
        HttpResponse<String> refused = responses.get(29);
        assertEquals("rate_limit_error", error(refused).path("type").asText());
        assertTrue(error(refused).path("message").asText().contains("rpm_limit"), refused.body());
    }

    @Test
    void fiftyParallelCallsAgainstFiveSlotsLetExactlyFiveThrough() throws Exception {
        TestGateway gw = sharedGateway();
        CountDownLatch release = new CountDownLatch(1);
        mock.byDefault(new Behavior.Held(Answer.text("held until the burst is over"), release));
        String key = tenants.key().limits(null, null, 5).create();
        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> EnforcementCalls.post(gw, key, "/v1/chat/completions", chat("gpt-4o", true))));
            }
            // the upstream holds the first five until every other call has had its answer
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((calls.stream().filter(Future::isDone).count() < 45 || mock.requests().size() < 5)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(5, mock.requests().size(), "five calls reached the upstream");
            release.countDown();
            for (Future<HttpResponse<String>> f : calls) {
                responses.add(f.get());
            }
        }
        assertEquals(5, mock.maxInFlight());
        assertEquals(5, count(responses, 200));
        assertEquals(45, count(responses, 429));
        HttpResponse<String> refused = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertTrue(error(refused).path("message").asText().contains("max_parallel_requests"), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        mock.byDefault(Behavior.reply(Answer.text("quick")));
        List<HttpResponse<String>> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(chatAs(gw, key, "gpt-4o"));
        }
        assertEquals(5, count(after, 200), "every slot was given back");
    }

    @Test
    void tpmLimitRefusesOnceTheMinutesTokensReachIt() {
        TestGateway gw = sharedGateway();
        String key = tenants.key().limits(null, 30L, null).create();
        HttpResponse<String> first = chatAs(gw, key, "gpt-4o");
        assertEquals("30", first.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
        HttpResponse<String> second = chatAs(gw, key, "gpt-4o");
        assertEquals(200, second.statusCode());
        assertEquals("11", second.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow(), "30 - 19 tokens");
        HttpResponse<String> third = chatAs(gw, key, "gpt-4o");
        assertEquals(429, third.statusCode(), third.body());
        assertTrue(error(third).path("message").asText().contains("tpm_limit"), third.body());
    }

    @Test
    void rateLimitHeadersComeWithSuccessesRefusalsAndStreams() {
        TestGateway gw = sharedGateway();
        String key = tenants.key().limits(2, 1000L, null).create();
        HttpResponse<String> ok = chatAs(gw, key, "gpt-4o");
        assertEquals(200, ok.statusCode());
        assertEquals("2", ok.headers().firstValue("x-ratelimit-limit-requests").orElseThrow());
        assertEquals("1", ok.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
        assertEquals("1000", ok.headers().firstValue("x-ratelimit-limit-tokens").orElseThrow());
        assertEquals("1000", ok.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
        assertTrue(ok.headers().firstValue("x-ratelimit-reset-requests").orElseThrow().matches("\\d+s|1m\\d+s"));
        assertNotNull(ok.headers().firstValue("x-ratelimit-reset-tokens").orElseThrow());

        HttpResponse<String> stream = EnforcementCalls.post(gw, key, "/v1/chat/completions", chat("gpt-4o", true));
        assertEquals(200, stream.statusCode());
        assertTrue(stream.body().contains("[DONE]"));
        assertEquals("0", stream.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
        assertEquals("981", stream.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());

        HttpResponse<String> refused = chatAs(gw, key, "gpt-4o");
        assertEquals(429, refused.statusCode());
        assertEquals("0", refused.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
        assertEquals("2", refused.headers().firstValue("x-ratelimit-limit-requests").orElseThrow());
        int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
        assertEquals("gpt-4o", refused.headers().firstValue("x-tollgate-model-group").orElseThrow());
        assertEquals("0", refused.headers().firstValue("x-tollgate-attempted-retries").orElseThrow());
        assertEquals("0", refused.headers().firstValue("x-tollgate-attempted-fallbacks").orElseThrow());
        assertTrue(refused.headers().firstValue("x-tollgate-model-id").isEmpty(), "no deployment was tried");
        assertNotNull(refused.headers().firstValue("x-tollgate-response-duration-ms").orElseThrow());
    }

    @Test
    void teamLimitsApplyAcrossItsKeys() {
        TestGateway gw = sharedGateway();
        String team = tenants.team("capped", List.of(), new Limits(3, null, null), null, false, null);
        String a = tenants.key().team(team).create();
        String b = tenants.key().team(team).create();
        assertEquals(200, chatAs(gw, a, "gpt-4o").statusCode());
        assertEquals(200, chatAs(gw, b, "gpt-4o").statusCode());
        assertEquals(200, chatAs(gw, a, "gpt-4o").statusCode());
        HttpResponse<String> refused = chatAs(gw, b, "gpt-4o");
        assertEquals(429, refused.statusCode());
        assertTrue(error(refused).path("message").asText().contains("team capped"), refused.body());
    }

    @Test
    void twoGatewayInstancesShareLimitsThroughTheSameRedis() {
        TestGateway first = sharedGateway();
        TestGateway second = sharedGateway();
        String key = tenants.key().limits(4, null, null).create();
        assertEquals(200, chatAs(first, key, "gpt-4o").statusCode());
        assertEquals(200, chatAs(second, key, "gpt-4o").statusCode());
        assertEquals(200, chatAs(first, key, "gpt-4o").statusCode());
        assertEquals(200, chatAs(second, key, "gpt-4o").statusCode());
        assertEquals(429, chatAs(first, key, "gpt-4o").statusCode());
        assertEquals(429, chatAs(second, key, "gpt-4o").statusCode());
    }

    @Test
    void redisDownMeansCallsSucceedWithLocalCountingAndTheMetric() {
        SharedRedis down = open(SharedRedis.connect(TestRedis.unreachable()));
        TestGateway gw = gateway(down);
        String key = tenants.key().limits(3, null, null).create();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            responses.add(chatAs(gw, key, "gpt-4o"));
        }
        assertEquals(3, count(responses, 200), "calls go on, the limit counted in this process");
        assertEquals(2, count(responses, 429));
        assertFalse(responses.stream().anyMatch(r -> r.statusCode() >= 500));
        assertTrue(down.unavailableCount() >= 5, "RedisUnavailable counted: " + down.unavailableCount());
    }

    @Test
    void withoutRedisLimitsAreCountedInMemory() {
        TestGateway gw = gateway(null);
        String key = tenants.key().limits(2, null, null).create();
        assertEquals(200, chatAs(gw, key, "gpt-4o").statusCode());
        assertEquals(200, chatAs(gw, key, "gpt-4o").statusCode());
        assertEquals(429, chatAs(gw, key, "gpt-4o").statusCode());
    }
}
