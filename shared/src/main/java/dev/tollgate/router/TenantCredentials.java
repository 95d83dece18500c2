package dev.tollgate.router;

import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;

/**
 * Which provider key a tenant's call to a deployment carries. Teams and keys that bring their own
 * credentials replace the deployment's {@code api_key}; everyone else uses it.
 */
@FunctionalInterface
public interface TenantCredentials {
    TenantCredentials DEPLOYMENT = Deployment::apiKey;

    Secret apiKeyFor(Deployment deployment);
}
