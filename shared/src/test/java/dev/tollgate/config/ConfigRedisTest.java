package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRedisTest {
    private static RedisSettings redis(String routerSettings, Map<String, String> env) {
        return ConfigLoader.parse("router_settings:\n" + routerSettings, env).config().redis();
    }

    @Test
    void noRedisSettingsMeansNoSharedRedis() {
        assertNull(ConfigLoader.parse("model_list: []\n", Map.of()).config().redis());
    }

    @Test
    void readsLiteLlmHostPortAndPasswordFromTheEnvironment() {
        RedisSettings s = redis("""
                  redis_host: os.environ/REDIS_HOST
                  redis_port: os.environ/REDIS_PORT
                  redis_password: os.environ/REDIS_PASSWORD
                """, Map.of("REDIS_HOST", "cache.internal", "REDIS_PORT", "6380", "REDIS_PASSWORD", "pw-123"));
        assertEquals("cache.internal", s.host());
        assertEquals(6380, s.port());
        assertEquals("pw-123", s.password().value());
        assertFalse(s.tls());
    }

    @Test
    void readsTlsUrlWithUserPasswordAndDatabase() {
        RedisSettings s = redis("  redis_url: os.environ/REDIS_URL\n",
                Map.of("REDIS_URL", "rediss://app:p%40ss@my-cache.serverless.use1.cache.amazonaws.com:6379/2"));
        assertTrue(s.tls());
        assertEquals("app", s.username());
        assertEquals("p@ss", s.password().value());
        assertEquals("my-cache.serverless.use1.cache.amazonaws.com", s.host());
        assertEquals(2, s.database());
        assertFalse(s.toString().contains("p@ss"));
    }

    @Test
    void defaultsThePort() {
        assertEquals(6379, redis("  redis_host: localhost\n", Map.of()).port());
        assertEquals(6379, redis("  redis_url: redis://localhost\n", Map.of()).port());
    }

    @Test
    void rejectsUrlOfAnotherSchemeWithoutEchoingIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> redis("  redis_url: http://user:secret-pw@host:6379\n", Map.of()));
        assertEquals("router_settings.redis_url: must start with redis:// or rediss://", e.getMessage());
    }

    @Test
    void warnsThatPasswordWithoutHostIsIgnored() {
        LoadedConfig loaded = ConfigLoader.parse("router_settings:\n  redis_password: os.environ/UNSET\n", Map.of());
        assertNull(loaded.config().redis());
        assertTrue(loaded.warnings().contains("router_settings.redis_password: ignored without redis_host or redis_url"),
                loaded.warnings().toString());
    }

    @Test
    void rejectsBothUrlAndHost() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> redis("  redis_url: redis://a:6379\n  redis_host: b\n", Map.of()));
        assertEquals("router_settings.redis_host: set either redis_url or redis_host, not both", e.getMessage());
    }

    @Test
    void keepsRedisCredentialsOutOfTheRawRouterSettings() {
        GatewayConfig c = ConfigLoader.parse("""
                router_settings:
                  redis_host: h
                  redis_password: pw-secret
                """, Map.of()).config();
        assertFalse(c.router().raw().containsKey("redis_password"));
        assertTrue(c.router().raw().containsKey("redis_host"));
    }
}
