package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import java.time.Duration;

/**
 * What one caller's request changes about routing: its id, the per-request overrides of timeouts
 * and retries (null where the caller set none), and whose provider credentials the call uses.
 */
public record CallOptions(String requestId, Duration timeout, Duration streamTimeout, Integer numRetries,
                          TenantCredentials credentials) {
    public CallOptions {
        credentials = credentials == null ? TenantCredentials.DEPLOYMENT : credentials;
    }

    /** No overrides, the deployments' own credentials. */
    public static CallOptions of(String requestId) {
        return new CallOptions(requestId, null, null, null, TenantCredentials.DEPLOYMENT);
    }

    /** The provider key a call to this deployment uses. */
    public Secret apiKeyFor(Deployment deployment) {
        return credentials.apiKeyFor(deployment);
    }
}
