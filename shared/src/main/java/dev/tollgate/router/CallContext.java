package dev.tollgate.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.RouterSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * One call as the router sees it: the caller's overrides (headers first, then body), the prompt's
 * estimated size (0 when no pre-call check or tpm limit reads it), and whether it streams. Resolves the timeouts and retries for each deployment:
 * the request's, else the deployment's, else the router's.
 */
record CallContext(CallOptions options, CallOverrides.FromBody body, int promptTokens, boolean checkContext,
                   boolean stream) {

    Duration timeout(Deployment d, RouterSettings s) {
        return first(options.timeout(), body.timeout(), d.timeout(), s.timeout());
    }

    Duration streamTimeout(Deployment d, RouterSettings s) {
        Duration t = first(options.streamTimeout(), body.streamTimeout(), d.streamTimeout(), s.streamTimeout());
        return t != null ? t : timeout(d, s);
    }

    int numRetries(RouterSettings s) {
        if (options.numRetries() != null) {
            return options.numRetries();
        }
        return body.numRetries() != null ? body.numRetries() : s.numRetries();
    }

    /**
     * Whether this call's failures on the deployment say something about the deployment for
     * everyone: not when the caller brought its own provider key, whose 401 or exhausted quota is
     * the tenant's alone and must not take a shared deployment out for every other tenant.
     */
    boolean countsTowardCooldown(Deployment d) {
        return Objects.equals(options.apiKeyFor(d), d.apiKey());
    }

    JsonNode requestFallbacks() {
        return body.fallbacks();
    }

    private static Duration first(Duration a, Duration b, Duration c, Duration d) {
        return a != null ? a : b != null ? b : c != null ? c : d;
    }
}
