package dev.tollgate.completion;

import static dev.tollgate.completion.EnforcementCalls.chatAs;
import static dev.tollgate.completion.EnforcementCalls.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.EnvironmentSecrets;
import dev.tollgate.config.GatewayConfig;
import dev.tollgate.config.GeneralSettings;
import dev.tollgate.config.Secret;
import dev.tollgate.keys.Budget;
import dev.tollgate.keys.KeyHashes;
import dev.tollgate.keys.Limits;
import dev.tollgate.keys.ProviderCredentials;
import dev.tollgate.redis.SharedRedis;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.OpenAiWire;
import dev.tollgate.testing.TestConfigs;
import dev.tollgate.testing.TestRedis;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call, which models, within which budget, with whose provider key: through the real
 * server, keys in DynamoDB Local, limits in redis-server.
 */
class KeyEnforcementTest {
    private static final String TENANT_SECRET = "sk-tenant-own-openai-key-9d2f";
    private MockUpstream mock;
    private Tenants tenants;
    private GatewayConfig config;
    private SharedRedis redis;
    private TestGateway gw;

    @BeforeEach
    void start() {
        redis = TestRedis.connectAnswering();
        mock = MockUpstream.start(new OpenAiWire());
        tenants = new Tenants();
        config = TestConfigs.config(List.of(TestConfigs.deployment("gpt-4o", mock),
                TestConfigs.deployment("gpt-mini", mock)), TestGateway.MASTER_KEY, false);
        gw = gateway(config);
    }

    private TestGateway gateway(GatewayConfig c) {
        return new TestGateway(c, new CompletionServices(tenants.store(),
                new EnvironmentSecrets(Map.of("TENANT_OPENAI", TENANT_SECRET)), redis, tenants.recorder(), null, null));
    }

    @AfterEach
    void stop() {
        gw.close();
        mock.close();
        redis.close();
    }

    private void assertUnauthorized(HttpResponse<String> r, String messagePart) {
        assertEquals(401, r.statusCode(), r.body());
        assertEquals("authentication_error", error(r).path("type").asText());
        assertTrue(error(r).path("message").asText().contains(messagePart), r.body());
        assertTrue(mock.requests().isEmpty(), "nothing reaches the upstream");
    }

    @Test
    void missingKeyIs401() {
        assertUnauthorized(chatAs(gw, null, "gpt-4o"), "Missing API key");
    }

    @Test
    void unknownKeyIs401() {
        assertUnauthorized(chatAs(gw, "sk-not-a-key", "gpt-4o"), "Invalid API key");
    }

    @Test
    void expiredKeyIs401() {
        String key = tenants.key().expires(Instant.now().minusSeconds(1)).create();
        assertUnauthorized(chatAs(gw, key, "gpt-4o"), "expired");
    }

    @Test
    void blockedKeyIs401() {
        String key = tenants.key().blocked().create();
        assertUnauthorized(chatAs(gw, key, "gpt-4o"), "blocked");
    }

    @Test
    void keyOfBlockedTeamIs401() {
        String team = tenants.team("frozen", List.of(), Limits.NONE, null, true, null);
        assertUnauthorized(chatAs(gw, tenants.key().team(team).create(), "gpt-4o"), "team");
    }

    @Test
    void embeddingsAreEnforcedToo() {
        HttpResponse<String> r = EnforcementCalls.post(gw, "sk-not-a-key", "/v1/embeddings",
                "{\"model\":\"gpt-4o\",\"input\":\"hi\"}");
        assertUnauthorized(r, "Invalid API key");
    }

    @Test
    void validKeyIsServed() {
        HttpResponse<String> r = chatAs(gw, tenants.key().create(), "gpt-4o");
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void modelNotAllowedIs401ListingTheAllowedModels() {
        String key = tenants.key().models("gpt-mini").create();
        HttpResponse<String> r = chatAs(gw, key, "gpt-4o");
        assertEquals(401, r.statusCode(), r.body());
        assertEquals("key_model_access_denied", error(r).path("type").asText());
        assertTrue(error(r).path("message").asText().contains("Allowed models: gpt-mini."), r.body());
        assertTrue(mock.requests().isEmpty());
    }

    @Test
    void fallbackNeverReachesAModelTheKeyMayNotUse() {
        try (MockUpstream failing = MockUpstream.start(new OpenAiWire())) {
            failing.byDefault(Behavior.fail(500, "primary down"));
            try (TestGateway g = gateway(TestConfigs.config(List.of(TestConfigs.deployment("gpt-mini", failing),
                    TestConfigs.deployment("gpt-4o", mock)), TestGateway.MASTER_KEY, false))) {
                String body = "{\"model\":\"gpt-mini\",\"fallbacks\":[\"gpt-4o\"],"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
                String narrow = tenants.key().models("gpt-mini").create();
                HttpResponse<String> refused = EnforcementCalls.post(g, narrow, "/v1/chat/completions", body);
                assertEquals(502, refused.statusCode(), refused.body());
                assertEquals("upstream_error", error(refused).path("code").asText());
                assertTrue(mock.requests().isEmpty(), "the fallback the key may not use was not called");

                String broad = tenants.key().models("gpt-mini", "gpt-4o").create();
                HttpResponse<String> served = EnforcementCalls.post(g, broad, "/v1/chat/completions", body);
                assertEquals(200, served.statusCode(), served.body());
                assertEquals(1, mock.requests().size());
            }
        }
    }

    @Test
    void modelNotAllowedForTheTeamIs401EvenIfTheKeyAllowsIt() {
        String team = tenants.team("research", List.of("gpt-mini"), Limits.NONE, null, false, null);
        String key = tenants.key().team(team).models("gpt-4o", "gpt-mini").create();
        assertEquals(401, chatAs(gw, key, "gpt-4o").statusCode());
        assertEquals(200, chatAs(gw, key, "gpt-mini").statusCode());
    }

    @Test
    void providerWildcardAllowsThatProvidersModels() {
        String key = tenants.key().models("openai/*").create();
        assertEquals(200, chatAs(gw, key, "gpt-4o").statusCode());
        String other = tenants.key().models("anthropic/*").create();
        assertEquals(401, chatAs(gw, other, "gpt-4o").statusCode());
    }

    @Test
    void modelsListShowsOnlyWhatTheKeyMayUse() {
        String key = tenants.key().models("gpt-mini").create();
        HttpResponse<String> r = gw.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/models"))
                .header("Authorization", "Bearer " + key).GET());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"gpt-mini\"") && !r.body().contains("\"gpt-4o\""), r.body());
        assertTrue(gw.get("/v1/models").body().contains("\"gpt-4o\""), "the master key sees everything");
    }

    @Test
    void keyBudgetIsExceededOnceSpendReachesMaxBudget() {
        // each call: 12 prompt tokens x 0.000001 + 7 completion tokens x 0.000002 = 0.000026 USD
        String key = tenants.key().maxBudget("0.00005").create();
        assertEquals(200, chatAs(gw, key, "gpt-4o").statusCode());
        assertEquals(200, chatAs(gw, key, "gpt-4o").statusCode());
        assertEquals(0, new BigDecimal("0.000052").compareTo(tenants.spend(key)), "spend in DynamoDB: " + tenants.spend(key));
        HttpResponse<String> r = chatAs(gw, key, "gpt-4o");
        assertEquals(429, r.statusCode(), r.body());
        assertEquals("budget_exceeded", error(r).path("code").asText());
        assertEquals(2, mock.requests().size());
    }

    @Test
    void budgetIsEnforcedAgainInTheWindowAfterTheFirst() {
        // each call costs 0.000026 USD; the last window (spent over its max) ended a second ago
        Instant ended = Instant.now().minusSeconds(1);
        String key = tenants.key().maxBudget("0.00005").window("1d", ended, "0.0009").create();
        assertEquals(200, chatAs(gw, key, "gpt-4o").statusCode(), "a new window has begun");
        assertEquals(new Budget(new BigDecimal("0.00005"), "1d", ended.plus(Duration.ofDays(1)), new BigDecimal("0.000026")),
                tenants.budget(key), "the first spend after the window rolled it in DynamoDB");
        assertEquals(200, chatAs(gw, key, "gpt-4o").statusCode());
        HttpResponse<String> r = chatAs(gw, key, "gpt-4o");
        assertEquals(429, r.statusCode(), "0.000052 USD spent in the new window: " + r.body());
        assertEquals("budget_exceeded", error(r).path("code").asText());
        assertTrue(error(r).path("message").asText().contains("resets at " + ended.plus(Duration.ofDays(1))), r.body());
    }

    @Test
    void teamBudgetIsExceededForAllItsKeys() {
        String team = tenants.team("spenders", List.of(), Limits.NONE, "0.00005", false, null);
        String a = tenants.key().team(team).create();
        String b = tenants.key().team(team).create();
        assertEquals(200, chatAs(gw, a, "gpt-4o").statusCode());
        assertEquals(200, chatAs(gw, b, "gpt-4o").statusCode());
        HttpResponse<String> r = chatAs(gw, a, "gpt-4o");
        assertEquals(429, r.statusCode(), r.body());
        assertEquals("budget_exceeded", error(r).path("type").asText());
        assertTrue(error(r).path("message").asText().contains("team spenders"), r.body());
    }

    @Test
    void blockTakesEffectAtOnceOnTheInstanceThatServedIt() {
        String key = tenants.key().create();
        assertEquals(200, chatAs(gw, key, "gpt-4o").statusCode());
        tenants.block(key);
        gw.app().keyChanges().keyChanged(KeyHashes.hash(key));
        assertEquals(401, chatAs(gw, key, "gpt-4o").statusCode());
    }

    @Test
    void blockTakesEffectElsewhereWithinTheCacheTtl() throws Exception {
        GeneralSettings g = config.general();
        try (TestGateway other = gateway(new GatewayConfig(config.deployments(), config.router(), config.litellm(),
                new GeneralSettings(g.masterKey(), g.maxRequestBodyBytes(), Duration.ofMillis(500), g.raw()), null))) {
            String key = tenants.key().create();
            assertEquals(200, chatAs(other, key, "gpt-4o").statusCode());
            tenants.block(key);
            assertEquals(200, chatAs(other, key, "gpt-4o").statusCode(), "within the TTL the cached key is used");
            Thread.sleep(600);
            assertEquals(401, chatAs(other, key, "gpt-4o").statusCode(), "after the TTL the block is seen");
        }
    }

    @Test
    void teamsOwnProviderKeyReachesTheUpstreamAndNeverALogOrError() {
        List<LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            ObjectNode meta = JsonNodeFactory.instance.objectNode();
            meta.putObject(ProviderCredentials.FIELD).put("openai", "TENANT_OPENAI");
            String team = tenants.team("byo", List.of(), Limits.NONE, null, false, meta);
            String key = tenants.key().team(team).create();
            assertEquals(200, chatAs(gw, key, "gpt-4o").statusCode());
            assertEquals(TENANT_SECRET, mock.lastRequest().apiKey());
            assertEquals(200, gw.post("/v1/chat/completions", EnforcementCalls.chat("gpt-4o", false)).statusCode());
            assertEquals(new OpenAiWire().expectedApiKey(new Secret("sk-upstream-openai").value()),
                    mock.lastRequest().apiKey(), "others keep the deployment's key");

            ObjectNode missing = JsonNodeFactory.instance.objectNode();
            missing.put(ProviderCredentials.FIELD, "NOT_THERE");
            HttpResponse<String> r = chatAs(gw, tenants.key().metadata(missing).create(), "gpt-4o");
            assertEquals(500, r.statusCode(), r.body());
            assertFalse(r.body().contains("NOT_THERE") || r.body().contains(TENANT_SECRET), r.body());
        } finally {
            root.removeHandler(capture);
        }
        for (LogRecord rec : logged) {
            String text = rec.getMessage() + " " + java.util.Arrays.toString(rec.getParameters());
            assertFalse(text.contains(TENANT_SECRET), "logged: " + text);
        }
    }
}
