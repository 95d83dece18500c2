package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.GatewayConfig;
import dev.tollgate.config.GeneralSettings;
import dev.tollgate.config.LitellmSettings;
import dev.tollgate.config.ModelInfo;
import dev.tollgate.config.ProviderKind;
import dev.tollgate.config.RouterSettings;
import dev.tollgate.config.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds configs for tests without a YAML file. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static Deployment deployment(String modelName, MockUpstream mock) {
        ProviderWire wire = mock.wire();
        return deployment(modelName, wire.prefix(), mock.apiBase(), wire.deploymentParams(mock.root()),
                wire.upstreamModel(modelName));
    }

    public static Deployment deployment(String modelName, String prefix, String apiBase, Map<String, JsonNode> params) {
        return deployment(modelName, prefix, apiBase, params, "upstream-" + modelName);
    }

    public static Deployment deployment(String modelName, String prefix, String apiBase, Map<String, JsonNode> params,
                                        String upstreamModel) {
        return new Deployment(modelName, ProviderKind.fromPrefix(prefix), upstreamModel,
                new Secret("sk-upstream-" + prefix), URI.create(apiBase), null, null, null, null, null, null, null,
                params, new ModelInfo("dep-" + modelName + "-" + prefix, new BigDecimal("0.000001"),
                new BigDecimal("0.000002"), null, null, "chat"));
    }

    public static Deployment withTimeouts(Deployment d, Duration timeout, Duration streamTimeout) {
        return new Deployment(d.modelName(), d.provider(), d.upstreamModel(), d.apiKey(), d.apiBase(), d.apiVersion(),
                timeout, streamTimeout, d.maxRetries(), d.rpm(), d.tpm(), d.weight(), d.params(), d.info());
    }

    /** A deployment of {@code mock} in group {@code modelName} with its own id, for groups of several. */
    public static Deployment deployment(String modelName, String id, MockUpstream mock) {
        return withInfo(deployment(modelName, mock), id, null, null, null);
    }

    public static Deployment withInfo(Deployment d, String id, BigDecimal inputCost, BigDecimal outputCost,
                                      Integer maxInputTokens) {
        ModelInfo i = d.info();
        return new Deployment(d.modelName(), d.provider(), d.upstreamModel(), d.apiKey(), d.apiBase(), d.apiVersion(),
                d.timeout(), d.streamTimeout(), d.maxRetries(), d.rpm(), d.tpm(), d.weight(), d.params(),
                new ModelInfo(id != null ? id : i.id(), inputCost != null ? inputCost : i.inputCostPerToken(),
                        outputCost != null ? outputCost : i.outputCostPerToken(),
                        maxInputTokens != null ? maxInputTokens : i.maxInputTokens(), i.maxOutputTokens(), i.mode()));
    }

    public static Deployment withLimits(Deployment d, Integer rpm, Integer tpm, Double weight) {
        return new Deployment(d.modelName(), d.provider(), d.upstreamModel(), d.apiKey(), d.apiBase(), d.apiVersion(),
                d.timeout(), d.streamTimeout(), d.maxRetries(), rpm, tpm, weight, d.params(), d.info());
    }

    public static GatewayConfig config(List<Deployment> deployments, RouterSettings router, String masterKey) {
        return new GatewayConfig(deployments, router, new LitellmSettings(false, Map.of()),
                new GeneralSettings(Secret.ofNullable(masterKey), GeneralSettings.DEFAULT_MAX_REQUEST_BODY_BYTES,
                        Map.of()), null);
    }

    public static GatewayConfig config(List<Deployment> deployments, String masterKey, boolean dropParams) {
        return config(deployments, masterKey, dropParams, GeneralSettings.DEFAULT_MAX_REQUEST_BODY_BYTES);
    }

    public static GatewayConfig config(List<Deployment> deployments, String masterKey, boolean dropParams,
                                       long maxBodyBytes) {
        return new GatewayConfig(deployments,
                new RouterSettings("simple-shuffle", 0, Duration.ofSeconds(30), null, Map.of()),
                new LitellmSettings(dropParams, Map.of()),
                new GeneralSettings(Secret.ofNullable(masterKey), maxBodyBytes, Map.of()), null);
    }
}
