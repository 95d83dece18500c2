package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** litellm_params.model: the provider is the prefix before the first slash; the rest is the model id. */
class ConfigModelSpecTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "openrouter/anthropic/claude-3.5-sonnet, OPENROUTER, anthropic/claude-3.5-sonnet",
            "together_ai/meta-llama/Llama-3-70b, TOGETHER_AI, meta-llama/Llama-3-70b",
            "fireworks_ai/accounts/fireworks/models/llama-v3p1-8b-instruct, FIREWORKS_AI, accounts/fireworks/models/llama-v3p1-8b-instruct",
            "hosted_vllm/Qwen/Qwen2.5-7B-Instruct, HOSTED_VLLM, Qwen/Qwen2.5-7B-Instruct",
            "openai/gpt-4o, OPENAI, gpt-4o",
            "anthropic/claude-3-5-sonnet-20241022, ANTHROPIC, claude-3-5-sonnet-20241022",
            "gpt-4o-mini, OPENAI, gpt-4o-mini",
            "claude-3-haiku-20240307, ANTHROPIC, claude-3-haiku-20240307",
            "openai/*, OPENAI, *",
    })
    void splitsProviderAtTheFirstSlash(String model, ProviderKind provider, String upstream) {
        assertEquals(new ModelSpec(provider, upstream), ModelSpec.parse(model, null, "p.model", "p.custom_llm_provider"));
    }

    @ParameterizedTest(name = "{0} with custom_llm_provider {1}")
    @CsvSource({
            "meta-llama/Llama-3.1-8B-Instruct, hosted_vllm, HOSTED_VLLM, meta-llama/Llama-3.1-8B-Instruct",
            "groq/llama3-8b-8192, groq, GROQ, llama3-8b-8192",
            "my-finetune, openai, OPENAI, my-finetune",
    })
    void letsCustomLlmProviderNameTheProvider(String model, String custom, ProviderKind provider, String upstream) {
        assertEquals(new ModelSpec(provider, upstream), ModelSpec.parse(model, custom, "p.model", "p.custom_llm_provider"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "meta-llama/Llama-3-70b, meta-llama",
            "Anthropic/claude-3-opus, Anthropic",
    })
    void rejectsUnknownPrefixes(String model, String prefix) {
        ConfigException e = assertThrows(ConfigException.class, () -> ModelSpec.parse(model, null, "p.model", "p.c"));

        assertEquals("p.model: unknown provider \"" + prefix + "\" in \"" + model + "\"; known providers: "
                + "anthropic, azure, bedrock, deepseek, fireworks_ai, gemini, groq, hosted_vllm, mistral, ollama, ollama_chat, "
                + "openai, openrouter, together_ai, vertex_ai", e.getMessage());
    }
}
