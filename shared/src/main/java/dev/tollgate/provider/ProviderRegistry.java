package dev.tollgate.provider;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.ProviderKind;
import dev.tollgate.error.GatewayException;
import java.util.List;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.provider.anthropic.AnthropicProvider;
import dev.tollgate.provider.azure.AzureProvider;
import dev.tollgate.provider.ollama.OllamaProvider;
import dev.tollgate.provider.gemini.GeminiProvider;
import dev.tollgate.provider.vertex.VertexProvider;
import dev.tollgate.provider.bedrock.BedrockProvider;
import dev.tollgate.provider.openai.OpenAiProvider;
import java.util.EnumMap;
import java.util.Map;

/** One provider implementation per family, built once at start-up. */
public final class ProviderRegistry {
    private final Map<ProviderKind.Family, ChatProvider> providers;

    private ProviderRegistry(Map<ProviderKind.Family, ChatProvider> providers) {
        this.providers = providers;
    }

    /** Every provider family this build supports, sharing one upstream client. */
    public static ProviderRegistry standard(UpstreamClient client) {
        Map<ProviderKind.Family, ChatProvider> map = new EnumMap<>(ProviderKind.Family.class);
        for (ProviderKind.Family family : ProviderKind.Family.values()) {
            map.put(family, create(family, client));
        }
        return new ProviderRegistry(map);
    }

    /** Exhaustive: a new family does not compile until it has a provider. */
    private static ChatProvider create(ProviderKind.Family family, UpstreamClient client) {
        return switch (family) {
            case OPENAI -> new OpenAiProvider(client);
            case ANTHROPIC -> new AnthropicProvider(client);
            case AZURE -> new AzureProvider(client);
            case OLLAMA -> new OllamaProvider(client);
            case GEMINI -> new GeminiProvider(client);
            case VERTEX -> new VertexProvider(client);
            case BEDROCK -> new BedrockProvider();
        };
    }

    public ChatProvider forKind(ProviderKind kind) {
        return providers.get(kind.family());
    }

    /** The deployment's provider as an embedder; a 400 naming the model when it cannot embed. */
    public EmbeddingProvider embeddingsFor(Deployment d) {
        if (providers.get(d.provider().family()) instanceof EmbeddingProvider e) {
            return e;
        }
        throw GatewayException.invalid("model", "Model '" + d.modelName() + "' is served by "
                + d.provider().prefix() + ", which has no embeddings endpoint.");
    }

    /** Lets each deployment's provider prepare it (clients, credentials); start-up only. */
    public void prepareAll(List<Deployment> deployments) {
        for (Deployment d : deployments) {
            try {
                forKind(d.provider()).prepare(d);
            } catch (IllegalArgumentException e) {
                throw ConfigException.forDeployment(d, e.getMessage());
            }
        }
    }
}
