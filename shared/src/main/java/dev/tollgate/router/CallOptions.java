package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * What one caller's request changes about routing: its id, the per-request overrides of timeouts
 * and retries (null where the caller set none), whose provider credentials the call uses, and
 * which model groups the caller may reach, so a fallback never lands on a model its key may not use.
 */
public record CallOptions(String requestId, Duration timeout, Duration streamTimeout, Integer numRetries,
                          TenantCredentials credentials, Predicate<String> modelAllowed) {
    private static final Predicate<String> ANY_MODEL = model -> true;

    public CallOptions {
        credentials = credentials == null ? TenantCredentials.DEPLOYMENT : credentials;
        modelAllowed = modelAllowed == null ? ANY_MODEL : modelAllowed;
    }

    /** No overrides, the deployments' own credentials, every model. */
    public static CallOptions of(String requestId) {
        return new CallOptions(requestId, null, null, null, TenantCredentials.DEPLOYMENT, ANY_MODEL);
    }

    /** These options for a caller with its own credentials and model access. */
    public CallOptions forCaller(TenantCredentials callerCredentials, Predicate<String> callerModels) {
        return new CallOptions(requestId, timeout, streamTimeout, numRetries, callerCredentials, callerModels);
    }

    /** The provider key a call to this deployment uses. */
    public Secret apiKeyFor(Deployment deployment) {
        return credentials.apiKeyFor(deployment);
    }
}
