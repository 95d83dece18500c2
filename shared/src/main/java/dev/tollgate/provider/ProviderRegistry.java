package dev.tollgate.provider;

import dev.tollgate.config.ProviderKind;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.provider.anthropic.AnthropicProvider;
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
        };
    }

    public ChatProvider forKind(ProviderKind kind) {
        return providers.get(kind.family());
    }
}
