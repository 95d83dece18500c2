package dev.tollgate.config;

import static dev.tollgate.config.ConfigErrorsTest.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** router_settings beyond strategy and timeouts: cooldowns, retries, fallbacks, pre-call checks. */
class ConfigRouterTest {
    private static final String MODELS = """
            model_list:
              - model_name: gpt-4o
                litellm_params: {model: openai/gpt-4o}
              - model_name: claude-sonnet
                litellm_params: {model: anthropic/claude-sonnet-4-5}
              - model_name: gemini-pro
                litellm_params: {model: gemini/gemini-2.5-pro}
            """;

    private static RouterSettings router(String yaml) {
        return ConfigLoader.parse(MODELS + yaml, Map.of()).config().router();
    }

    @Test
    void defaultsToLiteLlmsRouterSettings() {
        RouterSettings r = router("");

        assertEquals(2, r.numRetries());
        assertEquals(3, r.allowedFails());
        assertEquals(Duration.ofSeconds(5), r.cooldownTime());
        assertEquals(Duration.ZERO, r.retryAfter());
        assertEquals(FallbackSettings.NONE, r.fallbacks());
        assertFalse(r.enablePreCallChecks());
        assertEquals(Duration.ofHours(1), r.latencyWindow());
        assertEquals(0, r.latencyBuffer());
    }

    @Test
    void readsReliabilitySettings() {
        RouterSettings r = router("""
                router_settings:
                  routing_strategy: latency-based-routing
                  routing_strategy_args: {ttl: 60, lowest_latency_buffer: 0.5}
                  allowed_fails: 0
                  cooldown_time: 1.5
                  retry_after: 2
                  enable_pre_call_checks: true
                """);

        assertEquals(0, r.allowedFails());
        assertEquals(Duration.ofMillis(1_500), r.cooldownTime());
        assertEquals(Duration.ofSeconds(2), r.retryAfter());
        assertTrue(r.enablePreCallChecks());
        assertEquals(Duration.ofSeconds(60), r.latencyWindow());
        assertEquals(0.5, r.latencyBuffer());
    }

    @Test
    void readsFallbackListsInLiteLlmsShape() {
        FallbackSettings f = router("""
                router_settings:
                  fallbacks: [{"gpt-4o": ["claude-sonnet", "gemini-pro"]}, {"claude-sonnet": ["gpt-4o"]}]
                  context_window_fallbacks: [{"gpt-4o": ["gemini-pro"]}]
                  content_policy_fallbacks: [{"gpt-4o": ["claude-sonnet"]}]
                  default_fallbacks: ["gemini-pro"]
                """).fallbacks();

        assertEquals(Map.of("gpt-4o", List.of("claude-sonnet", "gemini-pro"), "claude-sonnet", List.of("gpt-4o")),
                f.general());
        assertEquals(Map.of("gpt-4o", List.of("gemini-pro")), f.contextWindow());
        assertEquals(Map.of("gpt-4o", List.of("claude-sonnet")), f.contentPolicy());
        assertEquals(List.of("gemini-pro"), f.defaults());
    }

    @Test
    void takesFallbacksFromLitellmSettingsWhenRouterSettingsHasNone() {
        FallbackSettings f = router("""
                litellm_settings:
                  fallbacks: [{"gpt-4o": ["claude-sonnet"]}]
                  context_window_fallbacks: [{"gpt-4o": ["gemini-pro"]}]
                router_settings:
                  context_window_fallbacks: [{"gpt-4o": ["claude-sonnet"]}]
                """).fallbacks();

        assertEquals(Map.of("gpt-4o", List.of("claude-sonnet")), f.general());
        assertEquals(Map.of("gpt-4o", List.of("claude-sonnet")), f.contextWindow());
    }

    @Test
    void warnsAboutFallbacksToUnknownModels() {
        List<String> warnings = ConfigLoader.parse(MODELS + """
                general_settings: {master_key: sk-1234}
                router_settings:
                  fallbacks: [{"gpt-4o": ["gpt-5", "claude-sonnet"]}]
                litellm_settings:
                  default_fallbacks: ["o3", "gpt-5"]
                """, Map.of()).warnings();

        assertEquals(List.of(
                "router_settings.fallbacks names \"gpt-5\", which is no model_name in model_list; a fallback to it fails",
                "litellm_settings.default_fallbacks names \"gpt-5\", which is no model_name in model_list; a fallback "
                        + "to it fails",
                "litellm_settings.default_fallbacks names \"o3\", which is no model_name in model_list; a fallback to "
                        + "it fails"), warnings);
    }

    @Test
    void warnsAboutRouterSettingsItDoesNotActOn() {
        List<String> warnings = ConfigLoader.parse(MODELS + """
                general_settings: {master_key: sk-1234}
                router_settings:
                  retry_policy: {RateLimitErrorRetries: 3}
                  model_group_alias: {gpt-4: gpt-4o}
                """, Map.of()).warnings();

        assertEquals(List.of("router_settings.retry_policy: not supported by Tollgate yet (ignored)",
                "router_settings.model_group_alias: not supported by Tollgate yet (ignored)"), warnings);
    }

    @Test
    void rejectsMalformedFallbacksNamingThePath() {
        assertFails("router_settings.fallbacks: expected a list of {model_name: [fallback model names]}, got a mapping",
                MODELS + "router_settings:\n  fallbacks: {gpt-4o: [claude-sonnet]}\n");
        assertFails("router_settings.fallbacks[0].gpt-4o: expected a list of model names, got \"claude-sonnet\"",
                MODELS + "router_settings:\n  fallbacks: [{gpt-4o: claude-sonnet}]\n");
        assertFails("router_settings.context_window_fallbacks[1].gpt-4o[0]: expected a model name, got 7",
                MODELS + "router_settings:\n  context_window_fallbacks: [{a: [b]}, {gpt-4o: [7]}]\n");
        assertFails("router_settings.default_fallbacks: expected a list of model names, got \"gemini-pro\"",
                MODELS + "router_settings:\n  default_fallbacks: gemini-pro\n");
    }

    @Test
    void rejectsBadReliabilityNumbersNamingThem() {
        assertFails("router_settings.allowed_fails: must not be negative, got -1",
                MODELS + "router_settings:\n  allowed_fails: -1\n");
        assertFails("router_settings.cooldown_time: must be a positive number of seconds, got 0",
                MODELS + "router_settings:\n  cooldown_time: 0\n");
        assertFails("router_settings.retry_after: must not be negative, got -2",
                MODELS + "router_settings:\n  retry_after: -2\n");
        assertFails("router_settings.enable_pre_call_checks: expected true or false, got \"yes\"",
                MODELS + "router_settings:\n  enable_pre_call_checks: \"yes\"\n");
        assertFails("router_settings.routing_strategy_args.lowest_latency_buffer: expected a number, got \"big\"",
                MODELS + "router_settings:\n  routing_strategy_args: {lowest_latency_buffer: big}\n");
    }
}
