package dev.tollgate.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.FallbackSettings;
import dev.tollgate.config.RouterSettings;
import dev.tollgate.config.Secret;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.ProviderRegistry;
import dev.tollgate.testing.Answer;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.MutableClock;
import dev.tollgate.testing.OpenAiWire;
import dev.tollgate.testing.ResettingServer;
import dev.tollgate.testing.TestConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The router against real HTTP mock upstreams that fail on command, with a clock and a sleeper of
 * the test's own: retries, cooldowns, fallbacks, and streams before and after their first byte.
 * In a group, the first deployment is weighted 1 and the others 0, so the first attempt always
 * goes to the first and a retry to the next one.
 */
class RouterTest {
    private static final Duration COOLDOWN = Duration.ofSeconds(1);
    private final MutableClock clock = MutableClock.atMinuteStart();
    private final List<Duration> waits = new ArrayList<>();
    private final List<MockUpstream> mocks = new ArrayList<>();
    private final LocalCooldowns cooldowns = new LocalCooldowns();

    @AfterEach
    void stopMocks() {
        mocks.forEach(MockUpstream::close);
    }

    private MockUpstream mock() {
        MockUpstream m = MockUpstream.start(new OpenAiWire());
        mocks.add(m);
        return m;
    }

    private static Deployment dep(String group, String id, MockUpstream mock, boolean preferred) {
        return TestConfigs.withLimits(TestConfigs.deployment(group, id, mock), null, null, preferred ? 1.0 : null);
    }

    private static RouterSettings settings(int retries, int allowedFails, FallbackSettings fallbacks) {
        return new RouterSettings("simple-shuffle", retries, Duration.ofSeconds(10), null, Map.of(), allowedFails,
                COOLDOWN, Duration.ZERO, fallbacks, false, RouterSettings.DEFAULT_LATENCY_WINDOW, 0);
    }

    private Router router(RouterSettings settings, Deployment... deployments) {
        return new Router(new ModelGroups(List.of(deployments)), ProviderRegistry.standard(new UpstreamClient()),
                settings, false, new RouterRuntime(clock, new Random(3), waits::add, cooldowns));
    }

    /** Group "m" of a (always picked first) and b (the retry target). */
    private Router group(RouterSettings settings, MockUpstream a, MockUpstream b) {
        return router(settings, dep("m", "a", a, true), dep("m", "b", b, false));
    }

    private static ChatRequest chat(String model, boolean stream) {
        try {
            return ChatRequestReader.read(Json.MAPPER.readTree("{\"model\":\"" + model + "\",\"stream\":" + stream
                    + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Routed<dev.tollgate.openai.ChatCompletion> r) {
        return r.value().choices().get(0).message().content();
    }

    @Test
    void retryLandsOnASecondDeploymentAfterA500() {
        MockUpstream a = mock().byDefault(Behavior.fail(500, "boom"));
        MockUpstream b = mock();
        Router router = group(settings(2, 3, FallbackSettings.NONE), a, b);

        Routed<?> r = router.complete(chat("m", false), CallOptions.of("r1"));

        assertEquals("b", r.deployment().id());
        assertEquals(2, r.attempts());
        assertEquals(1, r.trace().retries());
        assertEquals(1, a.requests().size());
        assertEquals(List.of(), waits, "a retry on another deployment goes at once");
    }

    @Test
    void retriesATimeoutOnAnotherDeployment() {
        MockUpstream a = mock().byDefault(new Behavior.Hang(Duration.ofSeconds(3)));
        MockUpstream b = mock();
        Deployment slow = TestConfigs.withTimeouts(dep("m", "a", a, true), Duration.ofMillis(200), null);
        Router router = router(settings(2, 3, FallbackSettings.NONE), slow, dep("m", "b", b, false));

        assertEquals("b", router.complete(chat("m", false), CallOptions.of("r1")).deployment().id());
        assertEquals(1, a.requests().size());
    }

    @Test
    void retriesADroppedConnectionOnAnotherDeployment() {
        MockUpstream a = mock().byDefault(new Behavior.Drop());
        MockUpstream b = mock();
        Router router = group(settings(2, 3, FallbackSettings.NONE), a, b);

        assertEquals("b", router.complete(chat("m", false), CallOptions.of("r1")).deployment().id());
    }

    @Test
    void retriesAResetConnectionOnAnotherDeployment() {
        MockUpstream b = mock();
        try (ResettingServer resetting = ResettingServer.start()) {
            Deployment a = TestConfigs.withLimits(TestConfigs.deployment("m", "openai", resetting.root() + "/v1",
                    Map.of()), null, null, 1.0);
            Router router = router(settings(2, 3, FallbackSettings.NONE), a, dep("m", "b", b, false));

            assertEquals("b", router.complete(chat("m", false), CallOptions.of("r1")).deployment().id());
            assertTrue(resetting.connections() >= 1);
        }
    }

    @Test
    void neverRetriesABadRequest() {
        MockUpstream a = mock().byDefault(Behavior.fail(400, "bad temperature"));
        MockUpstream b = mock();
        Router router = group(settings(2, 3, FallbackSettings.NONE), a, b);

        GatewayException e = assertThrows(GatewayException.class,
                () -> router.complete(chat("m", false), CallOptions.of("r1")));

        assertEquals(400, e.status());
        assertEquals(0, b.requests().size());
    }

    @Test
    void waitsForRetryAfterBeforeRetryingTheSameDeployment() {
        MockUpstream a = mock().enqueue(new Behavior.Fail(429, "slow down", Map.of("Retry-After", "2")));
        Router router = router(settings(1, 3, FallbackSettings.NONE), dep("m", "a", a, true));

        Routed<?> r = router.complete(chat("m", false), CallOptions.of("r1"));

        assertEquals(2, r.attempts());
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void goesBackToADeploymentByItsOwnFailureNotTheLastOne() {
        MockUpstream a = mock().enqueue(Behavior.fail(500, "blip"));
        MockUpstream b = mock().byDefault(Behavior.fail(401, "bad key"));
        Router router = group(settings(2, 3, FallbackSettings.NONE), a, b);

        Routed<?> r = router.complete(chat("m", false), CallOptions.of("r1"));

        assertEquals("a", r.deployment().id(), "a's 500 may pass on a retry; b's 401 says nothing about a");
        assertEquals(3, r.attempts());
        assertEquals(1, waits.size());
    }

    @Test
    void backsOffBetweenRetriesAndGivesUpWhenTheyRunOut() {
        MockUpstream a = mock().byDefault(Behavior.fail(503, "overloaded"));
        Router router = router(settings(2, 3, FallbackSettings.NONE), dep("m", "a", a, true));

        GatewayException e = assertThrows(GatewayException.class,
                () -> router.complete(chat("m", false), CallOptions.of("r1")));

        assertEquals(503, e.status());
        assertEquals(3, a.requests().size());
        assertEquals(2, waits.size());
        assertTrue(waits.get(0).toMillis() >= 250 && waits.get(0).toMillis() <= 500, waits.toString());
        assertTrue(waits.get(1).toMillis() >= 500 && waits.get(1).toMillis() <= 1_000, waits.toString());
    }

    @Test
    void honoursPerRequestRetriesAndTimeout() {
        MockUpstream a = mock().byDefault(new Behavior.Hang(Duration.ofSeconds(3)));
        Router router = router(settings(2, 3, FallbackSettings.NONE), dep("m", "a", a, true));
        CallOptions options = new CallOptions("r1", Duration.ofMillis(200), null, 0, null, null);

        GatewayException e = assertThrows(GatewayException.class, () -> router.complete(chat("m", false), options));

        assertEquals(ErrorKind.TIMEOUT, e.kind());
        assertEquals(1, a.requests().size());
    }

    @Test
    void coolsDownAFailingDeploymentAndBringsItBackAfterCooldownTime() {
        MockUpstream a = mock().byDefault(Behavior.fail(500, "boom"));
        MockUpstream b = mock();
        Router router = group(settings(1, 0, FallbackSettings.NONE), a, b);

        for (int i = 0; i < 10; i++) {
            assertEquals("b", router.complete(chat("m", false), CallOptions.of("r" + i)).deployment().id());
        }
        assertEquals(1, a.requests().size(), "a is out after its first failure");

        clock.advance(COOLDOWN);
        a.byDefault(Behavior.reply(Answer.text("back")));

        assertEquals("a", router.complete(chat("m", false), CallOptions.of("later")).deployment().id());
        assertEquals(2, a.requests().size());
    }

    @Test
    void coolsDownAt401AtOnceWhateverAllowedFails() {
        MockUpstream a = mock().byDefault(Behavior.fail(401, "bad key"));
        MockUpstream b = mock();
        Router router = group(settings(1, 3, FallbackSettings.NONE), a, b);

        router.complete(chat("m", false), CallOptions.of("r1"));
        router.complete(chat("m", false), CallOptions.of("r2"));

        assertEquals(1, a.requests().size());
        assertEquals(2, b.requests().size());
    }

    @Test
    void aTenantsOwnKeyFailingDoesNotCoolTheSharedDeploymentDown() {
        MockUpstream a = mock().enqueue(Behavior.fail(401, "tenant key revoked"));
        MockUpstream b = mock();
        Router router = group(settings(1, 3, FallbackSettings.NONE), a, b);
        TenantCredentials own = d -> new Secret("sk-tenant-own");
        CallOptions tenant = CallOptions.of("r1").forCaller(own, null);

        router.complete(chat("m", false), tenant);
        router.complete(chat("m", false), CallOptions.of("r2"));

        assertEquals(2, a.requests().size(), "the second caller still reaches a: the tenant's 401 was its own");
        assertEquals(1, b.requests().size());
    }

    @Test
    void answers503WithRetryAfterWhenEveryDeploymentIsCoolingDown() {
        MockUpstream a = mock();
        MockUpstream b = mock();
        Router router = group(settings(1, 3, FallbackSettings.NONE), a, b);
        cooldowns.put("a", clock.instant(), Duration.ofSeconds(4));
        cooldowns.put("b", clock.instant(), Duration.ofSeconds(9));

        GatewayException e = assertThrows(GatewayException.class,
                () -> router.complete(chat("m", false), CallOptions.of("r1")));

        assertEquals(503, e.status());
        assertEquals(Duration.ofSeconds(4), e.retryAfter());
        assertEquals(0, a.requests().size() + b.requests().size());
    }

    @Test
    void preCallChecksSendALongPromptPastADeploymentTooSmallForIt() throws Exception {
        MockUpstream small = mock();
        MockUpstream large = mock();
        RouterSettings s = new RouterSettings("simple-shuffle", 0, Duration.ofSeconds(10), null, Map.of(), 3,
                COOLDOWN, Duration.ZERO, FallbackSettings.NONE, true, RouterSettings.DEFAULT_LATENCY_WINDOW, 0);
        Router router = router(s, TestConfigs.withInfo(dep("m", "small", small, true), null, null, null, 50),
                TestConfigs.withInfo(dep("m", "large", large, false), null, null, null, 100_000));
        ChatRequest longPrompt = ChatRequestReader.read(Json.MAPPER.readTree("{\"model\":\"m\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"" + "word ".repeat(200) + "\"}]}"));

        assertEquals("large", router.complete(longPrompt, CallOptions.of("r1")).deployment().id());
        assertEquals("small", router.complete(chat("m", false), CallOptions.of("r2")).deployment().id());
        assertEquals(1, small.requests().size());
    }

    @Test
    void fallsBackInTheConfiguredOrderAfterRetriesRunOut() {
        MockUpstream a = mock().byDefault(Behavior.fail(500, "boom"));
        MockUpstream b = mock().byDefault(Behavior.fail(502, "bad gateway"));
        MockUpstream c = mock().byDefault(Behavior.reply(Answer.text("from c")));
        FallbackSettings f = new FallbackSettings(Map.of("gpt-4o", List.of("claude", "gemini")), Map.of(), Map.of(),
                List.of());
        Router router = router(settings(1, 3, f), dep("gpt-4o", "a", a, true), dep("claude", "b", b, true),
                dep("gemini", "c", c, true));

        var r = router.complete(chat("gpt-4o", false), CallOptions.of("r1"));

        assertEquals("from c", text(r));
        assertEquals(2, a.requests().size(), "first attempt and one retry");
        assertEquals(2, b.requests().size(), "the fallback's own retries apply");
        assertEquals(2, r.trace().fallbacks());
        assertEquals(2, r.trace().retries());
        assertEquals("gemini", r.trace().modelGroup());
    }

    @Test
    void fallsBackByErrorKind() {
        MockUpstream a = mock();
        MockUpstream general = mock().byDefault(Behavior.reply(Answer.text("general")));
        MockUpstream longer = mock().byDefault(Behavior.reply(Answer.text("longer")));
        MockUpstream strict = mock().byDefault(Behavior.reply(Answer.text("strict")));
        FallbackSettings f = new FallbackSettings(Map.of("m", List.of("general")), Map.of("m", List.of("longer")),
                Map.of("m", List.of("strict")), List.of());
        Router router = router(settings(0, 3, f), dep("m", "a", a, true), dep("general", "g", general, true),
                dep("longer", "l", longer, true), dep("strict", "s", strict, true));

        a.enqueue(Behavior.fail(400, "This model's maximum context length is 8192 tokens"));
        assertEquals("longer", text(router.complete(chat("m", false), CallOptions.of("r1"))));
        a.enqueue(Behavior.fail(400, "Your request was rejected by our content management policy"));
        assertEquals("strict", text(router.complete(chat("m", false), CallOptions.of("r2"))));
        a.enqueue(Behavior.fail(500, "boom"));
        assertEquals("general", text(router.complete(chat("m", false), CallOptions.of("r3"))));
        a.enqueue(Behavior.fail(400, "bad temperature"));
        assertThrows(GatewayException.class, () -> router.complete(chat("m", false), CallOptions.of("r4")));
    }

    @Test
    void takesDefaultFallbacksAndRequestFallbacks() throws Exception {
        MockUpstream a = mock().byDefault(Behavior.fail(500, "boom"));
        MockUpstream d = mock().byDefault(Behavior.reply(Answer.text("default")));
        MockUpstream x = mock().byDefault(Behavior.reply(Answer.text("asked")));
        FallbackSettings f = new FallbackSettings(Map.of(), Map.of(), Map.of(), List.of("backup"));
        Router router = router(settings(0, 3, f), dep("m", "a", a, true), dep("backup", "d", d, true),
                dep("asked", "x", x, true));

        assertEquals("default", text(router.complete(chat("m", false), CallOptions.of("r1"))));
        ChatRequest withFallbacks = ChatRequestReader.read(Json.MAPPER.readTree(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"fallbacks\":[\"nowhere\",\"asked\"]}"));
        assertEquals("asked", text(router.complete(withFallbacks, CallOptions.of("r2"))));
    }

    @Test
    void streamFallsBackBeforeItsFirstChunk() {
        MockUpstream a = mock().byDefault(Behavior.fail(503, "overloaded"));
        MockUpstream b = mock().byDefault(Behavior.reply(Answer.text("streamed by b")));
        FallbackSettings f = new FallbackSettings(Map.of("m", List.of("other")), Map.of(), Map.of(), List.of());
        Router router = router(settings(0, 3, f), dep("m", "a", a, true), dep("other", "b", b, true));

        Routed<OpenedStream> r = router.stream(chat("m", true), CallOptions.of("r1"));

        try (OpenedStream s = r.value()) {
            assertNotNull(s.first());
            assertEquals("b", r.deployment().id());
            while (s.stream().next() != null) {
                // drain
            }
        }
        assertEquals(1, r.trace().fallbacks());
    }

    @Test
    void streamDoesNotFallBackAfterItsFirstChunk() {
        MockUpstream a = mock().byDefault(new Behavior.ErrorMidStream(Answer.text("one two three four"), 2, "died"));
        MockUpstream b = mock();
        FallbackSettings f = new FallbackSettings(Map.of("m", List.of("other")), Map.of(), Map.of(), List.of());
        Router router = router(settings(2, 3, f), dep("m", "a", a, true), dep("other", "b", b, true));

        Routed<OpenedStream> r = router.stream(chat("m", true), CallOptions.of("r1"));

        try (OpenedStream s = r.value()) {
            assertEquals("a", r.deployment().id());
            assertThrows(GatewayException.class, () -> {
                while (s.stream().next() != null) {
                    // read until the upstream's error
                }
            });
        }
        assertEquals(0, b.requests().size());
        assertEquals(1, a.requests().size());
    }
}
