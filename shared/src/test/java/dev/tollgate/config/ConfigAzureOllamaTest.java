package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the config resolves for {@code azure/}, {@code ollama/} and {@code ollama_chat/} deployments. */
class ConfigAzureOllamaTest {

    private static Deployment parse(String params, Map<String, String> env) {
        return ConfigLoader.parse("""
                model_list:
                  - model_name: m
                    litellm_params: {%s}
                """.formatted(params), env).config().deployments().get(0);
    }

    @Test
    void azureRequiresApiBase() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("model: azure/my-gpt4o",
                Map.of("AZURE_API_KEY", "k")));
        assertTrue(e.getMessage().contains("api_base"), e.getMessage());
    }

    @Test
    void azureTakesApiVersionFromTheEnvironmentUnlessConfigured() {
        String base = "model: azure/my-gpt4o, api_base: https://res.openai.azure.com";
        Map<String, String> env = Map.of("AZURE_OPENAI_API_KEY", "az", "AZURE_API_VERSION", "2024-06-01");
        Deployment fromEnv = parse(base, env);
        assertEquals("2024-06-01", fromEnv.apiVersion());
        assertEquals("az", fromEnv.apiKey().value());
        assertEquals("my-gpt4o", fromEnv.upstreamModel());
        assertEquals("2025-01-01-preview", parse(base + ", api_version: 2025-01-01-preview", env).apiVersion());
        assertNull(parse(base, Map.of()).apiVersion());
    }

    @Test
    void ollamaDefaultsToLocalhostWithoutAKey() {
        for (String prefix : new String[] {"ollama", "ollama_chat"}) {
            Deployment d = parse("model: " + prefix + "/llama3.2", Map.of());
            assertEquals("http://localhost:11434", d.apiBase().toString());
            assertNull(d.apiKey());
            assertEquals(ProviderKind.Family.OLLAMA, d.provider().family());
        }
    }
}
