package dev.tollgate.keys;

import dev.tollgate.config.Deployment;
import java.util.List;

/**
 * Whether a list of allowed models (a key's or a team's {@code models}) admits a model name.
 * An empty list admits everything, as do {@code *} and LiteLLM's {@code all-proxy-models}; a
 * {@code provider/*} entry admits every model group served by that provider (its deployments'
 * prefix) and any model named {@code provider/...}. Plain string comparisons: no pattern is
 * compiled on the request path.
 */
final class ModelAccess {
    static final String ALL_PROXY_MODELS = "all-proxy-models";

    private ModelAccess() {
    }

    static boolean allows(List<String> allowed, String model, List<Deployment> group) {
        if (allowed.isEmpty()) {
            return true;
        }
        for (String entry : allowed) {
            if (entry.equals(model) || entry.equals("*") || entry.equals(ALL_PROXY_MODELS)
                    || entry.endsWith("/*") && wildcardMatches(entry.substring(0, entry.length() - 1), model, group)) {
                return true;
            }
        }
        return false;
    }

    /** {@code providerSlash} is the entry without its {@code *}, e.g. {@code "openai/"}. */
    private static boolean wildcardMatches(String providerSlash, String model, List<Deployment> group) {
        if (model.startsWith(providerSlash)) {
            return true;
        }
        if (group.isEmpty()) {
            return false;
        }
        String provider = providerSlash.substring(0, providerSlash.length() - 1);
        for (Deployment d : group) {
            if (!d.provider().prefix().equals(provider)) {
                return false;
            }
        }
        return true;
    }
}
