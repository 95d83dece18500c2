package dev.tollgate.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.ModelInfo;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.provider.ProviderRegistry;
import dev.tollgate.testing.Behavior;
import dev.tollgate.testing.MockUpstream;
import dev.tollgate.testing.OpenAiWire;
import dev.tollgate.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private static HealthCheck check(List<Deployment> deployments) {
        return new HealthCheck(ProviderRegistry.standard(new UpstreamClient()), deployments, Duration.ofSeconds(10));
    }

    private static Deployment hanging(MockUpstream mock, String id) {
        return TestConfigs.withTimeouts(TestConfigs.deployment("m", id, mock), Duration.ofMillis(300), null);
    }

    @Test
    void checksEveryDeploymentAtOnceAndReportsTheOnesThatDoNotAnswerInTime() {
        try (MockUpstream mock = MockUpstream.start(new OpenAiWire()).byDefault(new Behavior.Hang(Duration.ofSeconds(2)))) {
            HealthCheck.Report r = check(List.of(hanging(mock, "a"), hanging(mock, "b"), hanging(mock, "c"))).run();

            assertEquals(3, r.unhealthyCount());
            assertEquals(3, mock.maxInFlight(), "all three were called at the same time");
            assertTrue(r.unhealthyEndpoints().get(0).error().contains("did not answer in time"),
                    r.unhealthyEndpoints().get(0).error());
        }
    }

    @Test
    void checksEmbeddingDeploymentsWithAnEmbedding() {
        try (MockUpstream mock = MockUpstream.start(new OpenAiWire())) {
            Deployment d = TestConfigs.deployment("embed", "e", mock);
            Deployment embedding = new Deployment(d.modelName(), d.provider(), d.upstreamModel(), d.apiKey(),
                    d.apiBase(), d.apiVersion(), null, null, null, null, null, null, d.params(),
                    new ModelInfo("e", null, null, null, null, "embedding"));

            HealthCheck.Report r = check(List.of(embedding)).run();

            assertEquals(1, r.healthyCount(), String.valueOf(r));
            assertTrue(mock.lastRequest().path().endsWith("/embeddings"), mock.lastRequest().path());
        }
    }

    @Test
    void sendsATinyChatAndListsTheEndpointWithoutItsKey() {
        try (MockUpstream mock = MockUpstream.start(new OpenAiWire())) {
            HealthCheck.Report r = check(List.of(TestConfigs.deployment("m", "a", mock))).run();

            assertEquals(List.of(new HealthCheck.Endpoint("openai/" + TestConfigs.deployment("m", "a", mock)
                    .upstreamModel(), "m", "a", mock.apiBase(), null)), r.healthyEndpoints());
            assertEquals(1, mock.lastRequest().body().path("max_tokens").asInt());
        }
    }
}
