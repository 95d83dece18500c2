package dev.tollgate.config;

import java.util.Set;

/**
 * Which environment names a secret manager holds, as LiteLLM's {@code key_management_settings}
 * says: the {@code hosted_keys} listed, or, without that list, every {@code os.environ/}
 * reference. A name the manager does not have falls back to the environment.
 *
 * @param names null when every reference is hosted
 */
record HostedSecrets(SecretSource source, Set<String> names) {
    /** {@code explicitReference}: the config names it with {@code os.environ/} (not a provider's default variable). */
    boolean covers(String name, boolean explicitReference) {
        return names == null ? explicitReference : names.contains(name);
    }

    /** The hosted value, or null when the manager has none. */
    String value(String name, String path) {
        try {
            return source.lookup(name).map(Secret::value).orElse(null);
        } catch (SecretLookupException e) {
            throw ConfigException.at(path, e.getMessage());
        }
    }
}
