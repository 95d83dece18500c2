package dev.tollgate.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The deployment's extra {@code litellm_params} that are provider parameters, to be merged into
 * every request body. LiteLLM's own settings that live in the same map are kept out.
 */
public final class DeploymentParams {
    private static final Set<String> GATEWAY_ONLY = Set.of(
            "custom_llm_provider", "organization", "drop_params", "use_in_pass_through", "use_litellm_proxy",
            "input_cost_per_token", "output_cost_per_token", "input_cost_per_second", "output_cost_per_second",
            "region_name", "tenant_id", "client_id", "client_secret", "azure_ad_token", "azure_ad_token_provider",
            "max_budget", "budget_duration", "mock_response", "tags", "litellm_credential_name",
            "configurable_clientside_auth_params", "merge_reasoning_content_in_choices",
            "cache_control_injection_points", "model_info", "litellm_trace_id", "anthropic_version",
            "extra_headers", "headers");

    private DeploymentParams() {
    }

    /** Adds each forwardable deployment parameter the request body does not already set. */
    public static void mergeInto(ObjectNode body, Deployment deployment) {
        for (Map.Entry<String, JsonNode> p : forwardable(deployment).entrySet()) {
            if (!body.has(p.getKey())) {
                body.set(p.getKey(), p.getValue());
            }
        }
    }

    /** The deployment parameters meant for the provider, in config order; LiteLLM's own settings left out. */
    public static Map<String, JsonNode> forwardable(Deployment deployment) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : deployment.params().entrySet()) {
            String key = p.getKey();
            if (!GATEWAY_ONLY.contains(key) && !key.startsWith("aws_") && !key.startsWith("vertex_")) {
                out.put(key, p.getValue());
            }
        }
        return out;
    }

    /** Extra headers the deployment asks to send ({@code extra_headers} or {@code headers}), as strings. */
    public static void addHeaders(Map<String, String> headers, Deployment deployment) {
        for (String name : new String[] {"headers", "extra_headers"}) {
            JsonNode h = deployment.params().get(name);
            if (h != null && h.isObject()) {
                h.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            }
        }
    }
}
