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
        map.put(ProviderKind.Family.OPENAI, new OpenAiProvider(client));
        map.put(ProviderKind.Family.ANTHROPIC, new AnthropicProvider(client));
        return new ProviderRegistry(map);
    }

    public ChatProvider forKind(ProviderKind kind) {
        ChatProvider p = providers.get(kind.family());
        if (p == null) {
            throw new IllegalStateException("no provider for " + kind.prefix() + " in this build");
        }
        return p;
    }
}
