package dev.tollgate.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.config.Deployment;
import dev.tollgate.config.Secret;
import dev.tollgate.config.SecretSource;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.router.TenantCredentials;

/**
 * Bring-your-own provider keys. A key's or team's {@code metadata.provider_credentials} names a
 * secret, either one for every deployment ({@code "team-a-openai"}) or one per provider prefix
 * ({@code {"openai": "team-a-openai", "anthropic": "team-a-claude"}}). The key's setting wins over
 * its team's, provider by provider; a provider neither names uses the deployment's own
 * {@code api_key}. The secret's value replaces that {@code api_key} for the tenant's calls.
 * A named secret that cannot be found fails the call with a 500 that names nothing (the name is
 * logged for the administrator); it never falls back to the deployment's key, which would bill the
 * wrong account.
 */
public final class ProviderCredentials {
    public static final String FIELD = "provider_credentials";
    private static final System.Logger LOG = System.getLogger("tollgate.keys");

    private final SecretSource secrets;

    public ProviderCredentials(SecretSource secrets) {
        this.secrets = secrets;
    }

    /** What this caller's calls carry; {@link TenantCredentials#DEPLOYMENT} when it brings none. */
    public TenantCredentials forCaller(Caller caller) {
        if (caller.unrestricted()) {
            return TenantCredentials.DEPLOYMENT;
        }
        JsonNode keyCreds = field(caller.key().metadata());
        JsonNode teamCreds = caller.team() == null ? null : field(caller.team().metadata());
        if (keyCreds == null && teamCreds == null) {
            return TenantCredentials.DEPLOYMENT;
        }
        String owner = caller.key().keyName();
        return deployment -> {
            String name = secretName(keyCreds, deployment);
            if (name == null) {
                name = secretName(teamCreds, deployment);
            }
            return name == null ? deployment.apiKey() : resolve(name, owner);
        };
    }

    private Secret resolve(String name, String owner) {
        Secret secret;
        try {
            secret = secrets.lookup(name).orElse(null);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "provider credentials of " + owner + ": secret '" + name
                    + "' could not be read", e);
            secret = null;
        }
        if (secret == null) {
            LOG.log(System.Logger.Level.WARNING, "provider credentials of {0}: no secret named ''{1}''", owner, name);
            throw new GatewayException(ErrorKind.INTERNAL, "The provider credentials configured for this key or its "
                    + "team are not available; ask the gateway's administrator.", null,
                    "provider_credentials_unavailable", null, null);
        }
        return secret;
    }

    private static JsonNode field(ObjectNode metadata) {
        JsonNode node = metadata == null ? null : metadata.get(FIELD);
        return node == null || node.isNull() ? null : node;
    }

    private static String secretName(JsonNode creds, Deployment deployment) {
        if (creds == null) {
            return null;
        }
        if (creds.isTextual()) {
            return creds.asText();
        }
        JsonNode named = creds.get(deployment.provider().prefix());
        return named != null && named.isTextual() ? named.asText() : null;
    }
}
