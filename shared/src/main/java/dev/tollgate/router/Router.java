package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.RouterSettings;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletion;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.provider.ChatProvider;
import dev.tollgate.provider.ChunkStream;
import dev.tollgate.provider.EmbeddingCall;
import dev.tollgate.provider.Embeddings;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.provider.ProviderRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a request to its model group: a deployment picked by the routing strategy, retried on
 * failures another attempt could survive (see {@link RetryPolicy}), failing deployments cooled
 * down (see {@link Cooldowns}), then the fallback groups in order (see {@link FallbackPlan}). A
 * stream is retried or falls back only before its first chunk; after that it is the caller's.
 */
public final class Router {
    private final ModelGroups groups;
    private final ProviderRegistry providers;
    private final RouterSettings settings;
    private final boolean dropParams;
    private final DeploymentStats stats;
    private final Cooldowns cooldowns;
    private final GroupAttempts attempts;
    /** Whether anything reads a prompt's size (pre-call checks, tpm limits); else it is not estimated. */
    private final boolean sizesPrompts;
    /** The config's fallbacks of each model group, worked out once. */
    private final Map<String, FallbackPlan> plans = new HashMap<>();

    public Router(ModelGroups groups, ProviderRegistry providers, RouterSettings settings, boolean dropParams) {
        this(groups, providers, settings, dropParams, RouterRuntime.system());
    }

    public Router(ModelGroups groups, ProviderRegistry providers, RouterSettings settings, boolean dropParams,
                  RouterRuntime runtime) {
        this.groups = groups;
        this.providers = providers;
        this.settings = settings;
        this.dropParams = dropParams;
        this.stats = new DeploymentStats(groups.deployments(), runtime.clock());
        this.cooldowns = new Cooldowns(runtime.cooldowns(), runtime.clock(), settings.allowedFails(),
                settings.cooldownTime());
        DeploymentPicker picker = new DeploymentPicker(cooldowns, stats,
                RoutingStrategy.of(settings, stats, runtime.random()), settings.enablePreCallChecks(), runtime.clock());
        this.attempts = new GroupAttempts(groups, picker, stats, cooldowns,
                new RetryPolicy(settings.retryAfter(), runtime.random()), runtime.sleeper(), settings);
        this.sizesPrompts = settings.enablePreCallChecks()
                || groups.deployments().stream().anyMatch(d -> d.tpm() != null);
        for (String model : groups.names()) {
            plans.put(model, FallbackPlan.of(model, settings.fallbacks(), null));
        }
    }

    public ModelGroups groups() {
        return groups;
    }

    public Routed<ChatCompletion> complete(ChatRequest request, CallOptions options) {
        return complete(request, options, new CallTrace());
    }

    public Routed<ChatCompletion> complete(ChatRequest request, CallOptions options, CallTrace trace) {
        CallContext call = chatContext(request, options, false);
        return route(request.model(), call, trace, d -> {
            ChatProvider provider = providers.forKind(d.provider());
            ChatCompletion c = provider.complete(chatCall(provider, request, d, call));
            if (c.usage() != null) {
                stats.tokens(d, c.usage().totalTokens());
            }
            return c;
        });
    }

    public Routed<OpenedStream> stream(ChatRequest request, CallOptions options) {
        return stream(request, options, new CallTrace());
    }

    /** Returns once the first chunk has arrived; the caller closes the stream. */
    public Routed<OpenedStream> stream(ChatRequest request, CallOptions options, CallTrace trace) {
        CallContext call = chatContext(request, options, true);
        return route(request.model(), call, trace, d -> {
            ChatProvider provider = providers.forKind(d.provider());
            ChunkStream s = provider.stream(chatCall(provider, request, d, call));
            ChatCompletionChunk first;
            try {
                first = s.next();
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
            int groupSize = groups.resolve(d.modelName()).size();
            TrackedStream tracked = new TrackedStream(s, d, stats, e -> {
                if (call.countsTowardCooldown(d)) {
                    cooldowns.failed(d, e, groupSize);
                }
            });
            return new OpenedStream(tracked, tracked.counted(first));
        });
    }

    public Routed<Embeddings> embed(EmbeddingRequest request, CallOptions options) {
        return embed(request, options, new CallTrace());
    }

    public Routed<Embeddings> embed(EmbeddingRequest request, CallOptions options, CallTrace trace) {
        CallContext call = new CallContext(options, CallOverrides.FromBody.NONE,
                sizesPrompts ? PromptTokens.estimate(request) : 0, false, false);
        return route(request.model(), call, trace, d -> {
            Embeddings e = providers.embeddingsFor(d).embed(new EmbeddingCall(request, d, options.apiKeyFor(d),
                    call.timeout(d, settings), options.requestId()));
            stats.tokens(d, e.promptTokens());
            return e;
        });
    }

    private CallContext chatContext(ChatRequest request, CallOptions options, boolean stream) {
        return new CallContext(options, CallOverrides.fromBody(request),
                sizesPrompts ? PromptTokens.estimate(request) : 0, true, stream);
    }

    private ProviderCall chatCall(ChatProvider provider, ChatRequest request, Deployment d, CallContext call) {
        ChatRequest filtered = provider.params(d).apply(request, dropParams);
        return new ProviderCall(filtered, d, call.options().apiKeyFor(d), call.timeout(d, settings),
                call.streamTimeout(d, settings), call.options().requestId());
    }

    private <T> Routed<T> route(String model, CallContext call, CallTrace trace, GroupAttempts.Attempt<T> attempt) {
        FallbackPlan plan = call.requestFallbacks() == null ? plans.get(model) : null;
        if (plan == null) {
            plan = FallbackPlan.of(model, settings.fallbacks(), call.requestFallbacks());
        }
        try {
            return attempts.run(model, call, trace, attempt);
        } catch (GatewayException failure) {
            GatewayException last = failure;
            List<String> targets = plan.after(failure);
            for (String target : targets) {
                if (!groups.contains(target) || !call.options().modelAllowed().test(target)) {
                    continue;
                }
                try {
                    return attempts.run(target, call, trace, attempt);
                } catch (GatewayException e) {
                    last = e;
                }
            }
            throw last;
        }
    }
}
