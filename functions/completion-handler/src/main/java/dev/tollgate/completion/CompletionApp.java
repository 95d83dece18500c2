package dev.tollgate.completion;

import dev.tollgate.config.GatewayConfig;
import dev.tollgate.http.Routes;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.keys.MasterKeyAuth;
import dev.tollgate.provider.ProviderRegistry;
import dev.tollgate.redis.SharedRedis;
import dev.tollgate.router.HealthCheck;
import dev.tollgate.router.ModelGroups;
import dev.tollgate.router.RedisCooldowns;
import dev.tollgate.router.Router;
import dev.tollgate.router.RouterRuntime;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** The completion-handler's routes, wired from a parsed config. Built once at start-up. */
public final class CompletionApp {
    public static final String VERSION = CompletionApp.class.getPackage().getImplementationVersion() != null
            ? CompletionApp.class.getPackage().getImplementationVersion() : "dev";

    private CompletionApp() {
    }

    /** Throws {@link dev.tollgate.config.ConfigException} when a provider cannot use a deployment's settings. */
    public static Routes routes(GatewayConfig config, BooleanSupplier ready) {
        MasterKeyAuth masterKey = new MasterKeyAuth(config.general().masterKey());
        ApiGate gate = new ApiGate(masterKey, config.general().maxRequestBodyBytes());
        ModelGroups groups = new ModelGroups(config.deployments());
        ProviderRegistry providers = ProviderRegistry.standard(new UpstreamClient());
        providers.prepareAll(config.deployments());
        Router router = new Router(groups, providers, config.router(), config.litellm().dropParams(),
                routerRuntime(config));
        Routes routes = new Routes();
        routes.addOpenAi("POST", "/chat/completions", new ChatCompletionsHandler(gate, router));
        routes.addOpenAi("POST", "/embeddings", new EmbeddingsHandler(gate, router));
        routes.addOpenAi("GET", "/models", new ModelsHandler(groups.names(), gate, Instant.now().getEpochSecond()));
        HealthHandlers.register(routes, VERSION, ready);
        routes.add("GET", "/health", new DeploymentHealthHandler(masterKey,
                new HealthCheck(providers, config.deployments(), config.router().timeout())));
        return routes;
    }

    /** Cooldowns shared through Redis when one is configured, else kept in this process. */
    private static RouterRuntime routerRuntime(GatewayConfig config) {
        if (config.redis() == null) {
            return RouterRuntime.system();
        }
        return RouterRuntime.withCooldowns(new RedisCooldowns(SharedRedis.connect(config.redis())));
    }
}
