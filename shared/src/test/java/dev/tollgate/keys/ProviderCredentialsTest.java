package dev.tollgate.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.EnvironmentSecrets;
import dev.tollgate.error.GatewayException;
import dev.tollgate.router.TenantCredentials;
import dev.tollgate.testing.TestConfigs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderCredentialsTest {
    private final ProviderCredentials creds = new ProviderCredentials(new EnvironmentSecrets(Map.of(
            "TEAM_OPENAI", "sk-team-openai", "KEY_OPENAI", "sk-key-openai", "TEAM_ALL", "sk-team-all")));
    private final Deployment openai = TestConfigs.deployment("gpt", "openai", "http://127.0.0.1:1/v1", Map.of());
    private final Deployment anthropic = TestConfigs.deployment("claude", "anthropic", "http://127.0.0.1:1", Map.of());

    private static ObjectNode meta(Object creds) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        if (creds instanceof String s) {
            m.put(ProviderCredentials.FIELD, s);
        } else if (creds instanceof Map<?, ?> map) {
            ObjectNode o = m.putObject(ProviderCredentials.FIELD);
            map.forEach((k, v) -> o.put((String) k, (String) v));
        }
        return m;
    }

    private static Caller caller(ObjectNode keyMeta, ObjectNode teamMeta) {
        Team team = teamMeta == null ? null : new Team("t", null, List.of(), null, null, false, teamMeta, null, null);
        return new Caller(new VirtualKey("h", "sk-...abcd", null, team == null ? null : "t", null, List.of(), null, null,
                null, false, keyMeta, null, null), team);
    }

    @Test
    void callerWithoutCredentialsUsesTheDeploymentsKey() {
        assertSame(TenantCredentials.DEPLOYMENT, creds.forCaller(caller(null, null)));
        assertSame(TenantCredentials.DEPLOYMENT, creds.forCaller(Caller.UNRESTRICTED));
    }

    @Test
    void oneSecretNameAppliesToEveryDeployment() {
        TenantCredentials t = creds.forCaller(caller(null, meta("TEAM_ALL")));
        assertEquals("sk-team-all", t.apiKeyFor(openai).value());
        assertEquals("sk-team-all", t.apiKeyFor(anthropic).value());
    }

    @Test
    void keyWinsOverTeamProviderByProviderAndOthersKeepTheDeploymentsKey() {
        TenantCredentials t = creds.forCaller(caller(meta(Map.of("openai", "KEY_OPENAI")),
                meta(Map.of("openai", "TEAM_OPENAI"))));
        assertEquals("sk-key-openai", t.apiKeyFor(openai).value());
        assertEquals(anthropic.apiKey(), t.apiKeyFor(anthropic));
    }

    @Test
    void missingSecretFailsWithoutNamingIt() {
        TenantCredentials t = creds.forCaller(caller(meta("NO_SUCH_SECRET"), null));
        GatewayException e = assertThrows(GatewayException.class, () -> t.apiKeyFor(openai));
        assertEquals(500, e.status());
        assertFalse(e.getMessage().contains("NO_SUCH_SECRET"), e.getMessage());
    }
}
