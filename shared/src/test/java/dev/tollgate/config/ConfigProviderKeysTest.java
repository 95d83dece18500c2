package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key a deployment uses when its config gives none: the provider's variables, in order. */
class ConfigProviderKeysTest {

    static Secret keyOf(String model, Map<String, String> env) {
        String yaml = """
                model_list:
                  - model_name: m
                    litellm_params: {model: "%s", api_base: "https://upstream.example/v1"}
                """.formatted(model);
        return ConfigLoader.parse(yaml, env).config().deployments().get(0).apiKey();
    }

    @Test
    void readsTheProviderKeyVariable() {
        assertEquals("sk-ant", keyOf("anthropic/claude-3-5-haiku-latest", Map.of("ANTHROPIC_API_KEY", "sk-ant")).value());
        assertEquals("gsk", keyOf("groq/llama3-8b-8192", Map.of("GROQ_API_KEY", "gsk")).value());
    }

    @Test
    void triesTheProviderVariablesInOrder() {
        assertEquals("second", keyOf("together_ai/meta-llama/Llama-3-70b", Map.of("TOGETHERAI_API_KEY", "second")).value());
        assertEquals("first", keyOf("together_ai/meta-llama/Llama-3-70b",
                Map.of("TOGETHER_AI_API_KEY", "first", "TOGETHERAI_API_KEY", "second")).value());
    }

    @Test
    void skipsEmptyVariables() {
        assertEquals("fw", keyOf("fireworks_ai/accounts/fireworks/models/llama-v3-70b-instruct",
                Map.of("FIREWORKS_AI_API_KEY", "", "FIREWORKS_API_KEY", "fw")).value());
    }

    @Test
    void leavesKeyUnsetWhenNoVariableIsSet() {
        assertNull(keyOf("hosted_vllm/Qwen/Qwen2.5-7B-Instruct", Map.of("OPENAI_API_KEY", "sk-openai")));
    }

    @Test
    void prefersTheConfiguredKey() {
        Secret key = ConfigLoader.parse("""
                model_list:
                  - model_name: m
                    litellm_params: {model: openai/gpt-4o, api_key: sk-configured}
                """, Map.of("OPENAI_API_KEY", "sk-env")).config().deployments().get(0).apiKey();

        assertEquals("sk-configured", key.value());
    }

    @Test
    void usesProviderVariableForUnprefixedClaudeModels() {
        assertEquals("sk-ant", keyOf("claude-3-opus-20240229", Map.of("ANTHROPIC_API_KEY", "sk-ant", "OPENAI_API_KEY", "x"))
                .value());
    }
}
