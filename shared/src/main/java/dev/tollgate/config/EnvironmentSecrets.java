package dev.tollgate.config;

import java.util.Map;
import java.util.Optional;

/** Secrets as environment variables: how {@code bin/local} and tests provide tenants' credentials. */
public final class EnvironmentSecrets implements SecretSource {
    private final Map<String, String> env;

    public EnvironmentSecrets(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Optional<Secret> lookup(String name) {
        return Optional.ofNullable(Secret.ofNullable(env.get(name)));
    }
}
