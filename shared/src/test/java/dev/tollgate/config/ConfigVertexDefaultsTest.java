package dev.tollgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** vertex_ai settings default to LiteLLM's environment variables, read once at load time. */
class ConfigVertexDefaultsTest {

    private static Deployment load(String params, Map<String, String> env) {
        return ConfigLoader.parse("""
                model_list:
                  - model_name: m
                    litellm_params: {model: "%s"}
                """.formatted(params), env).config().deployments().get(0);
    }

    @Test
    void takesProjectLocationAndCredentialsFromTheEnvironment() {
        Deployment d = load("vertex_ai/gemini-2.5-flash\", vertex_location: \"europe-west4", Map.of(
                "VERTEXAI_PROJECT", "my-project", "VERTEXAI_LOCATION", "us-east5",
                "GOOGLE_APPLICATION_CREDENTIALS", "/secrets/sa.json"));
        assertEquals(ProviderKind.VERTEX_AI, d.provider());
        assertNull(d.apiBase());
        assertEquals("my-project", d.params().get("vertex_project").asText());
        assertEquals("europe-west4", d.params().get("vertex_location").asText());
        assertEquals("/secrets/sa.json", d.params().get("vertex_credentials").asText());
    }

    @Test
    void leavesOtherProvidersAlone() {
        Deployment d = load("gemini/gemini-2.5-flash", Map.of("VERTEXAI_PROJECT", "my-project", "GEMINI_API_KEY", "g"));
        assertFalse(d.params().containsKey("vertex_project"));
        assertEquals("g", d.apiKey().value());
        assertEquals(ProviderKind.GEMINI, d.provider());
    }
}
