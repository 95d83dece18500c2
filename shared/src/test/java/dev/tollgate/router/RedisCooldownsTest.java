package dev.tollgate.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.FallbackSettings;
import dev.tollgate.config.RouterSettings;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.ProviderRegistry;
import dev.tollgate.redis.SharedRedis;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.MutableClock;
import dev.tollgate.testing.OpenAiWire;
import dev.tollgate.testing.TestConfigs;
import dev.tollgate.testing.TestRedis;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cooldowns shared through the real redis-server that bin/test starts. */
class RedisCooldownsTest {
    private final String prefix = TestRedis.prefix();
    private SharedRedis redisA;
    private SharedRedis redisB;

    @AfterEach
    void close() {
        if (redisA != null) {
            redisA.close();
        }
        if (redisB != null) {
            redisB.close();
        }
    }

    private void connectTwoInstances() {
        redisA = TestRedis.connect();
        redisB = TestRedis.connect();
    }

    @Test
    void anotherInstanceSeesACooldownAtItsNextRefresh() {
        connectTwoInstances();
        RedisCooldowns a = new RedisCooldowns(redisA, prefix);
        RedisCooldowns b = new RedisCooldowns(redisB, prefix);
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        assertEquals(Map.of(), b.active(List.of("d1", "d2"), now));

        a.put("d1", now, Duration.ofSeconds(30));

        assertEquals(Map.of("d1", now.plusSeconds(30)), a.active(List.of("d1", "d2"), now), "at once where found");
        assertEquals(Map.of(), b.active(List.of("d1", "d2"), now.plusMillis(500)), "b asked Redis under a second ago");
        assertEquals(Map.of("d1", now.plusSeconds(30)), b.active(List.of("d1", "d2"), now.plus(RedisCooldowns.REFRESH)));
    }

    @Test
    void everyCooldownKeyIsInOneClusterSlotSoOneMgetReadsAGroup() {
        RedisCooldowns cooldowns = new RedisCooldowns(null);
        int slot = SlotHash.getSlot(cooldowns.key("gpt-4o-east"));
        for (String id : List.of("gpt-4o-west", "claude-1", "a", "0f3c9d2e1b")) {
            assertEquals(slot, SlotHash.getSlot(cooldowns.key(id)), id);
        }
    }

    @Test
    void cooldownKeysExpireWithTheCooldown() throws Exception {
        connectTwoInstances();
        RedisCooldowns a = new RedisCooldowns(redisA, prefix);
        a.put("d1", Instant.now(), Duration.ofMillis(200));
        assertEquals(Long.valueOf(1), redisB.call(c -> c.exists(a.key("d1"))));

        Thread.sleep(300);

        assertEquals(Long.valueOf(0), redisB.call(c -> c.exists(a.key("d1"))));
    }

    @Test
    void keepsCoolingDownLocallyWhenRedisIsUnreachable() {
        redisA = SharedRedis.connect(TestRedis.unreachable());
        RedisCooldowns a = new RedisCooldowns(redisA, prefix);
        Instant now = Instant.now();

        a.put("d1", now, Duration.ofSeconds(5));

        assertEquals(Map.of("d1", now.plusSeconds(5)), a.active(List.of("d1"), now));
        assertTrue(redisA.unavailableCount() > 0);
    }

    @Test
    void oneInstancesDiscoveryProtectsTheOthers() throws Exception {
        connectTwoInstances();
        try (MockUpstream bad = MockUpstream.start(new OpenAiWire()).byDefault(Behavior.fail(401, "bad key"));
             MockUpstream good = MockUpstream.start(new OpenAiWire())) {
            List<Deployment> group = List.of(TestConfigs.withLimits(TestConfigs.deployment("m", "bad", bad), null,
                    null, 1.0), TestConfigs.deployment("m", "good", good));
            Router first = router(group, new RedisCooldowns(redisA, prefix));
            Router second = router(group, new RedisCooldowns(redisB, prefix));
            var chat = ChatRequestReader.read(Json.MAPPER.readTree(
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

            assertEquals("good", first.complete(chat, CallOptions.of("r1")).deployment().id());
            assertEquals("good", second.complete(chat, CallOptions.of("r2")).deployment().id());

            assertEquals(1, bad.requests().size(), "the second instance never called the deployment the first cooled");
        }
    }

    private static Router router(List<Deployment> group, CooldownStore store) {
        RouterSettings s = new RouterSettings("simple-shuffle", 1, Duration.ofSeconds(10), null, Map.of(), 3,
                Duration.ofSeconds(30), Duration.ZERO, FallbackSettings.NONE, false,
                RouterSettings.DEFAULT_LATENCY_WINDOW, 0);
        return new Router(new ModelGroups(group), ProviderRegistry.standard(new UpstreamClient()), s, false,
                new RouterRuntime(new MutableClock(Instant.now()), new Random(1), d -> { }, store));
    }
}
