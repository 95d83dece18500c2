package dev.tollgate.testing;

import java.util.List;

/** Every provider wire the conformance suite runs against. A new provider adds its wire here. */
public final class ProviderWires {
    private ProviderWires() {
    }

    public static List<ProviderWire> all() {
        return List.of(new OpenAiWire(), new OpenAiWire("groq"), new AnthropicWire(), new AzureWire(),
                new OllamaWire(), new OllamaWire("ollama_chat"), new GeminiWire(), new VertexWire(),
                new VertexClaudeWire(), new BedrockWire());
    }
}
