package dev.tollgate.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The providers a deployment's {@code model: <prefix>/<model id>} may name, with the defaults a
 * LiteLLM user expects: base URL, and the environment variables read for the key when the config
 * gives none.
 */
public enum ProviderKind {
    OPENAI("openai", Family.OPENAI, "https://api.openai.com/v1", "OPENAI_API_KEY"),
    GROQ("groq", Family.OPENAI, "https://api.groq.com/openai/v1", "GROQ_API_KEY"),
    MISTRAL("mistral", Family.OPENAI, "https://api.mistral.ai/v1", "MISTRAL_API_KEY"),
    DEEPSEEK("deepseek", Family.OPENAI, "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY"),
    TOGETHER_AI("together_ai", Family.OPENAI, "https://api.together.xyz/v1",
            "TOGETHER_AI_API_KEY", "TOGETHERAI_API_KEY"),
    OPENROUTER("openrouter", Family.OPENAI, "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY"),
    FIREWORKS_AI("fireworks_ai", Family.OPENAI, "https://api.fireworks.ai/inference/v1",
            "FIREWORKS_AI_API_KEY", "FIREWORKS_API_KEY"),
    HOSTED_VLLM("hosted_vllm", Family.OPENAI, null, "HOSTED_VLLM_API_KEY"),
    ANTHROPIC("anthropic", Family.ANTHROPIC, "https://api.anthropic.com", "ANTHROPIC_API_KEY"),
    AZURE("azure", Family.AZURE, null, "AZURE_API_KEY", "AZURE_OPENAI_API_KEY"),
    OLLAMA("ollama", Family.OLLAMA, "http://localhost:11434"),
    OLLAMA_CHAT("ollama_chat", Family.OLLAMA, "http://localhost:11434"),
    GEMINI("gemini", Family.GEMINI, "https://generativelanguage.googleapis.com", "GEMINI_API_KEY", "GOOGLE_API_KEY"),
    VERTEX_AI("vertex_ai", Family.VERTEX, null, true),
    BEDROCK("bedrock", Family.BEDROCK, null, true);

    /** Providers that share one wire format share one translator. */
    public enum Family { OPENAI, ANTHROPIC, AZURE, OLLAMA, GEMINI, VERTEX, BEDROCK }

    private static final Map<String, ProviderKind> BY_PREFIX = new HashMap<>();

    static {
        for (ProviderKind k : values()) {
            BY_PREFIX.put(k.prefix, k);
        }
    }

    private final String prefix;
    private final Family family;
    private final String defaultBaseUrl;
    private final List<String> keyEnvVars;
    private final boolean endpointFromSettings;

    ProviderKind(String prefix, Family family, String defaultBaseUrl, String... keyEnvVars) {
        this(prefix, family, defaultBaseUrl, false, keyEnvVars);
    }

    /**
     * @param endpointFromSettings true where the provider's URL follows from other settings (a
     *                             region, a location), so a missing {@code api_base} is no error
     */
    ProviderKind(String prefix, Family family, String defaultBaseUrl, boolean endpointFromSettings,
                 String... keyEnvVars) {
        this.prefix = prefix;
        this.family = family;
        this.defaultBaseUrl = defaultBaseUrl;
        this.endpointFromSettings = endpointFromSettings;
        this.keyEnvVars = List.of(keyEnvVars);
    }

    public String prefix() {
        return prefix;
    }

    public Family family() {
        return family;
    }

    /**
     * Whether a deployment must give {@code api_base}: true where there is no default URL and the
     * endpoint does not follow from other settings (a region, a location).
     */
    public boolean apiBaseRequired() {
        return defaultBaseUrl == null && !endpointFromSettings;
    }

    /** The base URL used when {@code api_base} is not set; null where the provider has none. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Environment variables tried, in order, for the key when the config gives none. */
    public List<String> keyEnvVars() {
        return keyEnvVars;
    }

    /** The provider for a prefix, or null. */
    public static ProviderKind fromPrefix(String prefix) {
        return BY_PREFIX.get(prefix);
    }

    public static List<String> prefixes() {
        return BY_PREFIX.keySet().stream().sorted().toList();
    }
}
