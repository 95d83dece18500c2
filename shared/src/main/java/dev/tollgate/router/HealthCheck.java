package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatRequest;
import dev.tollgate.openai.ChatRequestReader;
import dev.tollgate.openai.EmbeddingRequest;
import dev.tollgate.openai.Json;
import dev.tollgate.provider.ChatProvider;
import dev.tollgate.provider.EmbeddingCall;
import dev.tollgate.provider.ProviderCall;
import dev.tollgate.provider.ProviderRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * LiteLLM's {@code GET /health}: a tiny request to every deployment at once (a one-token chat, or
 * one embedding for {@code mode: embedding}), each bounded by a timeout, sorted into healthy and
 * unhealthy endpoints. The checks go straight to the providers with the deployments' own keys:
 * they neither count toward nor wait on cooldowns. Endpoints list where they point, never a key.
 */
public final class HealthCheck {
    /** The longest a check waits on one deployment. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);
    private static final ChatRequest PING = ChatRequestReader.read(Json.MAPPER.createObjectNode()
            .put("model", "health").put("max_tokens", 1)
            .set("messages", Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode()
                    .put("role", "user").put("content", "ping"))));

    /** One deployment's entry; {@code error} is set for unhealthy ones. */
    public record Endpoint(String model, String modelName, String modelId, String apiBase, String error) {
    }

    /** LiteLLM's shape: {"healthy_endpoints", "unhealthy_endpoints", "healthy_count", "unhealthy_count"}. */
    public record Report(List<Endpoint> healthyEndpoints, List<Endpoint> unhealthyEndpoints, int healthyCount,
                         int unhealthyCount) {
    }

    private final ProviderRegistry providers;
    private final List<Deployment> deployments;
    private final Duration defaultTimeout;

    public HealthCheck(ProviderRegistry providers, List<Deployment> deployments, Duration defaultTimeout) {
        this.providers = providers;
        this.deployments = List.copyOf(deployments);
        this.defaultTimeout = defaultTimeout;
    }

    public Report run() {
        List<Endpoint> healthy = new ArrayList<>();
        List<Endpoint> unhealthy = new ArrayList<>();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<?>> checks = deployments.stream().<Future<?>>map(d -> pool.submit(() -> check(d))).toList();
            long deadline = System.nanoTime() + MAX_WAIT.plusSeconds(1).toNanos();
            for (int i = 0; i < deployments.size(); i++) {
                String error = outcome(checks.get(i), deadline);
                (error == null ? healthy : unhealthy).add(endpoint(deployments.get(i), error));
            }
        } finally {
            // checks still running were cancelled; do not wait for them to notice
            pool.shutdownNow();
        }
        return new Report(healthy, unhealthy, healthy.size(), unhealthy.size());
    }

    private void check(Deployment d) {
        Duration timeout = timeout(d);
        if ("embedding".equals(d.info().mode())) {
            EmbeddingRequest ping = new EmbeddingRequest(d.modelName(), List.of("ping"), null, false, null, null,
                    Map.of());
            providers.embeddingsFor(d).embed(new EmbeddingCall(ping, d, d.apiKey(), timeout, "health-" + d.id()));
        } else {
            ChatProvider provider = providers.forKind(d.provider());
            provider.complete(new ProviderCall(provider.params(d).apply(PING, true), d, d.apiKey(), timeout, timeout,
                    "health-" + d.id()));
        }
    }

    private Duration timeout(Deployment d) {
        Duration t = d.timeout() != null ? d.timeout() : defaultTimeout;
        return t.compareTo(MAX_WAIT) < 0 ? t : MAX_WAIT;
    }

    /** Null when the check passed, else why it failed. */
    private static String outcome(Future<?> check, long deadlineNanos) {
        try {
            check.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof GatewayException g ? g.getMessage()
                    : "health check failed: " + e.getCause().getClass().getSimpleName();
        } catch (TimeoutException e) {
            check.cancel(true);
            return "no answer within " + MAX_WAIT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            check.cancel(true);
            return "health check interrupted";
        }
    }

    private static Endpoint endpoint(Deployment d, String error) {
        return new Endpoint(d.provider().prefix() + "/" + d.upstreamModel(), d.modelName(), d.id(),
                d.apiBase() == null ? null : d.apiBase().toString(), error);
    }
}
