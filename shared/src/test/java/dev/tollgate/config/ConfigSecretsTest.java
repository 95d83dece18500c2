package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret values never appear in exception messages, warnings, or the config's toString. */
class ConfigSecretsTest {
    static final String SECRET = "sk-live-7f3a9c1e5b";

    static ConfigException failure(String yaml, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, env));
    }

    @Test
    void doesNotEchoApiKeyOfWrongType() {
        ConfigException e = failure("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_key: 7318009921}
                """, Map.of());

        assertEquals("model_list[0].litellm_params.api_key: expected a string, got a number", e.getMessage());
    }

    @Test
    void doesNotQuoteTheOffendingLineOfInvalidYaml() {
        ConfigException e = failure("""
                model_list:
                  - model_name: a
                    litellm_params:
                      model: openai/gpt-4o
                      api_key: %s: oops
                """.formatted(SECRET), Map.of());

        assertEquals("invalid YAML at line 5, column 34: mapping values are not allowed here", e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void doesNotEchoValuesFromTheEnvironment() {
        ConfigException rpm = failure("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, rpm: os.environ/RPM}
                """, Map.of("RPM", SECRET));
        ConfigException base = failure("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_base: os.environ/BASE}
                """, Map.of("BASE", SECRET));

        assertEquals("model_list[0].litellm_params.rpm: expected an integer, got the value of RPM", rpm.getMessage());
        assertEquals("model_list[0].litellm_params.api_base: expected an absolute http(s) URL, got the value of BASE",
                base.getMessage());
    }

    @Test
    void doesNotEchoSecretsOfOtherFieldsWhenADeploymentFails() {
        ConfigException e = failure("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_key: os.environ/KEY, tpm: -1}
                general_settings:
                  master_key: os.environ/MASTER
                """, Map.of("KEY", SECRET, "MASTER", SECRET + "-master"));

        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void doesNotPutMasterKeyInWarnings() {
        LoadedConfig loaded = ConfigLoader.parse("""
                model_list: []
                general_settings: {master_key: os.environ/MASTER}
                """, Map.of("MASTER", "not-sk-" + SECRET));

        assertEquals(2, loaded.warnings().size());
        loaded.warnings().forEach(w -> assertFalse(w.contains(SECRET), w));
    }

    @Test
    void keepsSecretsOutOfTheConfigsToString() {
        LoadedConfig loaded = ConfigLoader.parse("""
                model_list:
                  - model_name: a
                    litellm_params: {model: openai/gpt-4o, api_key: os.environ/KEY}
                  - model_name: b
                    litellm_params: {model: anthropic/claude-3-5-haiku-latest}
                general_settings:
                  master_key: sk-master-%s
                """.formatted(SECRET), Map.of("KEY", SECRET, "ANTHROPIC_API_KEY", SECRET + "-ant"));

        assertEquals(SECRET, loaded.config().deployments().get(0).apiKey().value());
        assertFalse(loaded.toString().contains(SECRET), loaded.toString());
    }
}
