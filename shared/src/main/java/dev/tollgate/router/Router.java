package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.RouterSettings;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.provider.EmbeddingCall;
import dev.tollgate.provider.Embeddings;
import dev.tollgate.provider.ChatProvider;
import dev.tollgate.provider.ChunkStream;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.provider.ProviderRegistry;
import java.time.Duration;
import java.util.List;

/**
 * Sends a request to its model group. Deployments are tried in config order; a failure that another
 * deployment could survive (see {@link dev.tollgate.error.ErrorKind#mayRetry()}) moves on to the
 * next, anything else is returned at once. A stream moves on only before its first chunk.
 */
public final class Router {
    private final ModelGroups groups;
    private final ProviderRegistry providers;
    private final RouterSettings settings;
    private final boolean dropParams;

    public Router(ModelGroups groups, ProviderRegistry providers, RouterSettings settings, boolean dropParams) {
        this.groups = groups;
        this.providers = providers;
        this.settings = settings;
        this.dropParams = dropParams;
    }

    public ModelGroups groups() {
        return groups;
    }

    public Routed<ChatCompletion> complete(ChatRequest request, CallOptions options) {
        return route(request.model(), d -> {
            ChatProvider provider = providers.forKind(d.provider());
            return provider.complete(chatCall(provider, request, d, options));
        });
    }

    public Routed<OpenedStream> stream(ChatRequest request, CallOptions options) {
        return route(request.model(), d -> {
            ChatProvider provider = providers.forKind(d.provider());
            ChunkStream s = provider.stream(chatCall(provider, request, d, options));
            try {
                ChatCompletionChunk first = s.next();
                return new OpenedStream(s, first);
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        });
    }

    public Routed<Embeddings> embed(EmbeddingRequest request, CallOptions options) {
        return route(request.model(), d -> providers.embeddingsFor(d).embed(
                new EmbeddingCall(request, d, options.apiKeyFor(d), timeout(d), options.requestId())));
    }

    private ProviderCall chatCall(ChatProvider provider, ChatRequest request, Deployment d, CallOptions options) {
        ChatRequest filtered = provider.params(d).apply(request, dropParams);
        return new ProviderCall(filtered, d, options.apiKeyFor(d), timeout(d), streamTimeout(d), options.requestId());
    }

    private interface Attempt<T> {
        T run(Deployment deployment);
    }

    private <T> Routed<T> route(String model, Attempt<T> attempt) {
        List<Deployment> group = groups.resolve(model);
        long upstreamNanos = 0;
        GatewayException last = null;
        int attempts = 0;
        for (Deployment d : group) {
            attempts++;
            long start = System.nanoTime();
            try {
                T value = attempt.run(d);
                upstreamNanos += System.nanoTime() - start;
                return new Routed<>(value, d, attempts, upstreamNanos);
            } catch (GatewayException e) {
                upstreamNanos += System.nanoTime() - start;
                if (!e.kind().mayRetry()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private Duration timeout(Deployment d) {
        return d.timeout() != null ? d.timeout() : settings.timeout();
    }

    private Duration streamTimeout(Deployment d) {
        if (d.streamTimeout() != null) {
            return d.streamTimeout();
        }
        return settings.streamTimeout() != null ? settings.streamTimeout() : timeout(d);
    }
}
