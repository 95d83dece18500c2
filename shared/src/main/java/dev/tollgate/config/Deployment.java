package dev.tollgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One entry of {@code model_list}, resolved: the provider is typed, the key read from its
 * environment variable, the base URL defaulted. {@code params} holds the other
 * {@code litellm_params} (provider parameters passed through to every call).
 * Optional numbers are null when the config does not set them.
 */
public record Deployment(
        String modelName,
        ProviderKind provider,
        String upstreamModel,
        Secret apiKey,
        URI apiBase,
        String apiVersion,
        Duration timeout,
        Duration streamTimeout,
        Integer maxRetries,
        Integer rpm,
        Integer tpm,
        Double weight,
        Map<String, JsonNode> params,
        ModelInfo info) {

    public Deployment {
        java.util.Objects.requireNonNull(info, "model_info (with its id) is always resolved");
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** Names and ids only: params may carry credentials (extra_headers, aws_secret_access_key ...). */
    @Override
    public String toString() {
        return "Deployment[" + modelName + " -> " + provider.prefix() + "/" + upstreamModel + " @ "
                + (apiBase == null ? "(default endpoint)" : apiBase)
                + ", id=" + info.id() + ", params=" + params.keySet() + "]";
    }

    /** The stable id of this deployment: {@code model_info.id}. */
    public String id() {
        return info.id();
    }
}
