package dev.tollgate.provider.azure;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import dev.tollgate.provider.DeploymentParams;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Azure OpenAI's URLs and auth headers for one deployment. Pure. */
final class AzureEndpoints {
    /** The latest GA version of the data-plane inference API, used when the deployment names none. */
    static final String DEFAULT_API_VERSION = "2024-10-21";
    static final String AD_TOKEN_PARAM = "azure_ad_token";

    private AzureEndpoints() {
    }

    /** {@code {api_base}/openai/deployments/{deployment}/{operation}?api-version={version}} */
    static URI url(Deployment d, String operation) {
        String version = d.apiVersion() == null || d.apiVersion().isBlank() ? DEFAULT_API_VERSION : d.apiVersion();
        String base = d.apiBase().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/openai/deployments/" + encode(d.upstreamModel()) + "/" + operation
                + "?api-version=" + encode(version));
    }

    /** An Entra ID token ({@code azure_ad_token}) goes as a bearer and wins over the key ({@code api-key}). */
    static Map<String, String> headers(Secret apiKey, Deployment d, boolean stream) {
        Map<String, String> h = new HashMap<>();
        h.put("Content-Type", "application/json");
        if (stream) {
            h.put("Accept", "text/event-stream");
        }
        var adToken = d.params().get(AD_TOKEN_PARAM);
        if (adToken != null && adToken.isTextual() && !adToken.asText().isBlank()) {
            h.put("Authorization", "Bearer " + adToken.asText());
        } else if (apiKey != null) {
            h.put("api-key", apiKey.value());
        }
        DeploymentParams.addHeaders(h, d);
        return h;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
