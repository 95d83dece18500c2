package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.router.ModelGroups;
import dev.tollgate.testing.InMemoryKeys;
import dev.tollgate.testing.MutableClock;
import dev.tollgate.testing.TestConfigs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyAuthorizerTest {
    private static final String MASTER = "sk-master";
    private final MutableClock clock = MutableClock.atMinuteStart();
    private final InMemoryKeys store = new InMemoryKeys();
    private final KeyAuthorizer auth = new KeyAuthorizer(new Secret(MASTER), store, clock);
    private final Map<String, List<Deployment>> models = new ModelGroups(List.of(
            TestConfigs.deployment("gpt-4o", "openai", "http://127.0.0.1:1/v1", Map.of()),
            TestConfigs.deployment("claude", "anthropic", "http://127.0.0.1:1", Map.of()),
            TestConfigs.deployment("mixed", "openai", "http://127.0.0.1:1/v1", Map.of()),
            TestConfigs.deployment("mixed", "anthropic", "http://127.0.0.1:1", Map.of()))).byName();

    private VirtualKey key(String raw, List<String> models, String team, Instant expires, boolean blocked, Budget b) {
        VirtualKey k = new VirtualKey(KeyHashes.hash(raw), "sk-...." + raw.substring(raw.length() - 2), null, team,
                null, models, null, b, expires, blocked, null, null, null);
        store.put(k);
        return k;
    }

    private static GatewayException expect(ErrorKind kind, org.junit.jupiter.api.function.Executable call) {
        GatewayException e = assertThrows(GatewayException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void masterKeyIsUnrestricted() {
        assertSame(Caller.UNRESTRICTED, auth.authenticate(MASTER));
    }

    @Test
    void withoutMasterKeyTheGatewayIsOpen() {
        KeyAuthorizer open = new KeyAuthorizer(null, store, clock);
        assertSame(Caller.UNRESTRICTED, open.authenticate(null));
        assertSame(Caller.UNRESTRICTED, open.authenticate("sk-anything"));
    }

    @Test
    void rejectsMissingUnknownExpiredAndBlockedKeys() {
        expect(ErrorKind.AUTHENTICATION, () -> auth.authenticate(null));
        expect(ErrorKind.AUTHENTICATION, () -> auth.authenticate("sk-unknown"));
        key("sk-old-01", List.of(), null, clock.instant(), false, null);
        assertTrue(expect(ErrorKind.AUTHENTICATION, () -> auth.authenticate("sk-old-01")).getMessage().contains("expired"));
        key("sk-blk-02", List.of(), null, null, true, null);
        assertTrue(expect(ErrorKind.AUTHENTICATION, () -> auth.authenticate("sk-blk-02")).getMessage().contains("blocked"));
    }

    @Test
    void keyExpiringLaterIsAccepted() {
        key("sk-new-03", List.of(), null, clock.instant().plus(Duration.ofMinutes(1)), false, null);
        assertFalse(auth.authenticate("sk-new-03").unrestricted());
    }

    @Test
    void rejectsKeyOfABlockedOrMissingTeam() {
        store.put(new Team("t-blocked", "blocked-team", List.of(), null, null, true, null, null, null));
        key("sk-tb-04", List.of(), "t-blocked", null, false, null);
        expect(ErrorKind.AUTHENTICATION, () -> auth.authenticate("sk-tb-04"));
        key("sk-tm-05", List.of(), "t-gone", null, false, null);
        expect(ErrorKind.AUTHENTICATION, () -> auth.authenticate("sk-tm-05"));
    }

    @Test
    void modelOutsideTheKeysListIsRefusedWithTheAllowedOnesNamed() {
        key("sk-ml-06", List.of("claude"), null, null, false, null);
        Caller c = auth.authenticate("sk-ml-06");
        GatewayException e = expect(ErrorKind.MODEL_NOT_ALLOWED, () -> auth.checkModel(c, "gpt-4o", models.get("gpt-4o"), models));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("Allowed models: claude."), e.getMessage());
    }

    @Test
    void modelMustBeAllowedByBothKeyAndTeam() {
        store.put(new Team("t1", "research", List.of("gpt-4o"), null, null, false, null, null, null));
        key("sk-kt-07", List.of("gpt-4o", "claude"), "t1", null, false, null);
        Caller c = auth.authenticate("sk-kt-07");
        auth.checkModel(c, "gpt-4o", models.get("gpt-4o"), models);
        assertTrue(expect(ErrorKind.MODEL_NOT_ALLOWED, () -> auth.checkModel(c, "claude", models.get("claude"), models))
                .getMessage().contains("Allowed models: gpt-4o."));
    }

    @Test
    void providerWildcardAdmitsGroupsServedOnlyByThatProvider() {
        key("sk-wc-08", List.of("openai/*"), null, null, false, null);
        Caller c = auth.authenticate("sk-wc-08");
        assertTrue(auth.mayUse(c, "gpt-4o", models.get("gpt-4o")));
        assertFalse(auth.mayUse(c, "claude", models.get("claude")));
        assertFalse(auth.mayUse(c, "mixed", models.get("mixed")), "a group that may land on another provider");
        assertTrue(auth.mayUse(c, "openai/gpt-4.1", List.of()), "a model named with the provider prefix");
        assertEquals(List.of("gpt-4o"), auth.allowedModels(c, models));
    }

    @Test
    void keyOverBudgetOrTeamOverBudgetIsRefused() {
        key("sk-bk-09", List.of(), null, null, false, new Budget(new BigDecimal("1.00"), null, null, new BigDecimal("1.00")));
        GatewayException e = expect(ErrorKind.BUDGET_EXCEEDED, () -> auth.checkBudget(auth.authenticate("sk-bk-09")));
        assertEquals(429, e.status());
        assertEquals("budget_exceeded", e.code());
        store.put(new Team("t2", "spenders", List.of(), null, new Budget(new BigDecimal("5"), null, null,
                new BigDecimal("6")), false, null, null, null));
        key("sk-bt-10", List.of(), "t2", null, false, new Budget(new BigDecimal("1"), null, null, BigDecimal.ZERO));
        assertTrue(expect(ErrorKind.BUDGET_EXCEEDED, () -> auth.checkBudget(auth.authenticate("sk-bt-10")))
                .getMessage().contains("team spenders"));
    }

    @Test
    void budgetWhoseWindowEndedDoesNotRefuseBeforeTheResetRuns() {
        key("sk-rs-11", List.of(), null, null, false, new Budget(new BigDecimal("1"), "1d", clock.instant(),
                new BigDecimal("3")));
        auth.checkBudget(auth.authenticate("sk-rs-11"));
    }

    @Test
    void storeFailureIsA503NotA401() {
        KeyAuthorizer broken = new KeyAuthorizer(new Secret(MASTER), new KeyLookup() {
            @Override
            public java.util.Optional<VirtualKey> keyByHash(String tokenHash) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public java.util.Optional<Team> team(String teamId) {
                throw new IllegalStateException("connection refused");
            }
        }, clock);
        assertEquals(503, expect(ErrorKind.UPSTREAM_UNAVAILABLE, () -> broken.authenticate("sk-x")).status());
    }

    @Test
    void keysAreHashedAsLiteLlmStoresThem() {
        assertEquals("88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b", KeyHashes.hash("sk-1234"));
    }
}
