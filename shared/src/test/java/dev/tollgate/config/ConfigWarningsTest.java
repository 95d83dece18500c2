package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Oddities that do not stop the gateway: reported, never fatal. */
class ConfigWarningsTest {
    static final Map<String, String> MASTER = Map.of("LITELLM_MASTER_KEY", "sk-master");

    static List<String> warnings(String yaml, Map<String, String> env) {
        return ConfigLoader.parse(yaml, env).warnings();
    }

    @Test
    void warnsAboutUnknownKeysWithTheirPaths() {
        List<String> warnings = warnings("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                    litellm_params_typo: {rpm: 5}
                    model_info: {id: a1, base_modle: gpt-4o}
                router_settings: {routing_strategy: simple-shuffle, round_robin: true}
                litellm_settings: {drop_params: true, drop_parms: true}
                general_settings: {ui_access_mode: admin_only}
                server_settings: {port: 4000}
                """, MASTER);

        assertEquals(List.of(
                "unknown key server_settings (ignored)",
                "unknown key model_list[0].litellm_params_typo (ignored)",
                "unknown key model_list[0].model_info.base_modle (ignored)",
                "unknown key router_settings.round_robin (ignored)",
                "unknown key litellm_settings.drop_parms (ignored)",
                "unknown key general_settings.ui_access_mode (ignored)"), warnings);
    }

    @Test
    void doesNotWarnAboutKnownLiteLlmKeys() {
        List<String> warnings = warnings("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, seed: 7}
                router_settings:
                  allowed_fails: 3
                  cooldown_time: 30
                  fallbacks: [{a: [b]}]
                  redis_host: localhost
                  redis_port: 6379
                  enable_pre_call_checks: true
                litellm_settings:
                  set_verbose: false
                  success_callback: [langfuse]
                  cache: true
                  cache_params: {type: redis}
                general_settings:
                  master_key: sk-1234
                  database_url: postgresql://localhost/litellm
                  alerting: [slack]
                guardrails: []
                files_settings: []
                """, Map.of());

        assertEquals(List.of(), warnings);
    }

    @Test
    void allowsEmptyModelListWithWarning() {
        LoadedConfig loaded = ConfigLoader.parse("model_list: []", MASTER);

        assertEquals(List.of(), loaded.config().deployments());
        assertEquals(List.of("model_list is empty: no model will be served"), loaded.warnings());
    }

    @Test
    void warnsWhenModelListIsMissing() {
        assertEquals(List.of("model_list is empty: no model will be served"),
                warnings("general_settings: {master_key: sk-1}", Map.of()));
    }

    @Test
    void warnsWhenNoMasterKey() {
        assertEquals(List.of("no master key (general_settings.master_key or LITELLM_MASTER_KEY): "
                + "requests are not authenticated"), warnings("model_list: [{model_name: a, litellm_params: {model: x}}]", Map.of()));
    }

    @Test
    void warnsWhenMasterKeyLacksSkPrefix() {
        assertEquals(List.of("general_settings.master_key: does not start with \"sk-\", which LiteLLM requires of master keys"),
                warnings("model_list: [{model_name: a, litellm_params: {model: x}}]\n"
                        + "general_settings: {master_key: os.environ/MK}", Map.of("MK", "hunter2")));
        assertEquals(List.of("LITELLM_MASTER_KEY: does not start with \"sk-\", which LiteLLM requires of master keys"),
                warnings("model_list: [{model_name: a, litellm_params: {model: x}}]", Map.of("LITELLM_MASTER_KEY", "hunter2")));
    }

    @Test
    void warnsAndKeepsGoingWhenUnusedSettingReferencesMissingVariable() {
        LoadedConfig loaded = ConfigLoader.parse("""
                model_list: [{model_name: a, litellm_params: {model: x}}]
                general_settings:
                  master_key: sk-1
                  database_url: os.environ/DATABASE_URL
                router_settings:
                  redis_password: os.environ/REDIS_PASSWORD
                """, Map.of());

        assertEquals(List.of(
                "general_settings.database_url: environment variable DATABASE_URL is not set; left empty",
                "router_settings.redis_password: ignored without redis_host or redis_url"),
                loaded.warnings());
        assertEquals(true, loaded.config().general().raw().get("database_url").isNull());
    }

    @Test
    void warnsWhenProviderKeyFromEnvironmentGoesToAnotherHost() {
        List<String> warnings = warnings("""
                model_list:
                  - model_name: local
                    litellm_params: {model: openai/qwen, api_base: "http://localhost:8000/v1"}
                  - model_name: default-host
                    litellm_params: {model: openai/gpt-4o}
                """, Map.of("OPENAI_API_KEY", "sk-real-openai", "LITELLM_MASTER_KEY", "sk-m"));

        assertEquals(List.of("model_list[0].litellm_params.api_key: not set, so OPENAI_API_KEY from the environment "
                + "is sent to localhost; set api_key if that is not intended"), warnings);
    }

    @Test
    void warnsAboutDuplicateYamlKeysAndKeepsTheLast() {
        LoadedConfig loaded = ConfigLoader.parse("""
                model_list:
                  - model_name: a
                    litellm_params:
                      model: openai/gpt-4o
                      rpm: 10
                      rpm: 20
                """, MASTER);

        assertEquals(20, loaded.config().deployments().get(0).rpm());
        assertEquals(List.of("duplicate key \"rpm\" at line 6, column 7: the last one wins, as in LiteLLM"),
                loaded.warnings());
    }

    @Test
    void unknownKeyInModelInfoDoesNotLoseTheKnownOnes() {
        LoadedConfig loaded = ConfigLoader.parse("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o}
                    model_info: {mode: embedding, supports_visionn: true}
                """, MASTER);

        assertEquals("embedding", loaded.config().deployments().get(0).info().mode());
        assertNull(loaded.config().deployments().get(0).info().inputCostPerToken());
        assertEquals(List.of("unknown key model_list[0].model_info.supports_visionn (ignored)"), loaded.warnings());
    }

    @Test
    void doesNotWarnAboutModelInfoKeysLiteLlmUses() {
        LoadedConfig loaded = ConfigLoader.parse("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_key: sk-x}
                    model_info: {base_model: gpt-4o, max_tokens: 4096, supports_vision: true, supports_function_calling: true}
                """, MASTER);
        assertEquals(List.of(), loaded.warnings());
    }
}
