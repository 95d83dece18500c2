package dev.tollgate.config;

import java.util.Optional;

/**
 * Where named secrets come from at run time: environment variables in {@code bin/local}, Secrets
 * Manager on AWS. Used for tenants' own provider credentials ({@code provider_credentials}).
 * Implementations cache; a lookup on the request path must not go to the network every call.
 */
@FunctionalInterface
public interface SecretSource {
    /** The secret of that name, or empty when there is none. Never logs the value. */
    Optional<Secret> lookup(String name);
}
