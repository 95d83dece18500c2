package dev.tollgate.completion;

import dev.tollgate.config.GatewayConfig;
import dev.tollgate.http.Routes;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.keys.KeyAuthorizer;
import dev.tollgate.keys.KeyCache;
import dev.tollgate.keys.KeyChangeListener;
import dev.tollgate.keys.MasterKeyAuth;
import dev.tollgate.keys.ProviderCredentials;
import dev.tollgate.limits.FallbackRateLimiter;
import dev.tollgate.limits.LocalRateLimiter;
import dev.tollgate.limits.RateLimiter;
import dev.tollgate.limits.RedisRateLimiter;
import dev.tollgate.provider.ProviderRegistry;
import dev.tollgate.router.HealthCheck;
import dev.tollgate.router.ModelGroups;
import dev.tollgate.router.RedisCooldowns;
import dev.tollgate.router.Router;
import dev.tollgate.router.RouterRuntime;
import dev.tollgate.spend.SpendAccounting;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The completion-handler's routes, wired from a parsed config and the runtime's services. Built
 * once at start-up. {@link #keyChanges()} is what same-process admin routes tell about changed
 * keys and teams.
 */
public final class CompletionApp implements AutoCloseable {
    public static final String VERSION = CompletionApp.class.getPackage().getImplementationVersion() != null
            ? CompletionApp.class.getPackage().getImplementationVersion() : "dev";

    private final Routes routes;
    private final KeyCache keys;
    private final RedisRateLimiter sharedLimiter;

    private CompletionApp(Routes routes, KeyCache keys, RedisRateLimiter sharedLimiter) {
        this.routes = routes;
        this.keys = keys;
        this.sharedLimiter = sharedLimiter;
    }

    /** Throws {@link dev.tollgate.config.ConfigException} when a provider cannot use a deployment's settings. */
    public static CompletionApp create(GatewayConfig config, CompletionServices services, BooleanSupplier ready) {
        ModelGroups groups = new ModelGroups(config.deployments());
        ProviderRegistry providers = ProviderRegistry.standard(new UpstreamClient());
        providers.prepareAll(config.deployments());
        Router router = new Router(groups, providers, config.router(), config.litellm().dropParams(),
                services.redis() == null ? RouterRuntime.system()
                        : RouterRuntime.withCooldowns(new RedisCooldowns(services.redis())));

        KeyCache keys = new KeyCache(services.keyStore(), config.general().keyCacheTtl());
        RateLimiter local = new LocalRateLimiter(services.clock());
        RedisRateLimiter shared = services.redis() == null ? null
                : new RedisRateLimiter(services.redis(), services.clock(), services.slotLease());
        MasterKeyAuth masterKey = new MasterKeyAuth(config.general().masterKey());
        ApiGate gate = new ApiGate(new KeyAuthorizer(config.general().masterKey(), keys, services.clock()),
                shared == null ? local : new FallbackRateLimiter(shared, local),
                new ProviderCredentials(services.secrets()),
                new SpendAccounting(services.spend(), keys, services.clock()), groups,
                config.general().maxRequestBodyBytes());

        Routes routes = new Routes();
        routes.addOpenAi("POST", "/chat/completions", new ChatCompletionsHandler(gate, router));
        routes.addOpenAi("POST", "/embeddings", new EmbeddingsHandler(gate, router));
        routes.addOpenAi("GET", "/models", new ModelsHandler(groups.names(), gate, Instant.now().getEpochSecond()));
        HealthHandlers.register(routes, VERSION, ready);
        routes.add("GET", "/health", new DeploymentHealthHandler(masterKey,
                new HealthCheck(providers, config.deployments(), config.router().timeout())));
        return new CompletionApp(routes, keys, shared);
    }

    public Routes routes() {
        return routes;
    }

    /** Tell this when a key or team changes in this process: its cached copy is dropped at once. */
    public KeyChangeListener keyChanges() {
        return keys;
    }

    /** Stops renewing parallel-slot leases (the Redis connection belongs to the runtime). */
    @Override
    public void close() {
        if (sharedLimiter != null) {
            sharedLimiter.close();
        }
    }
}
