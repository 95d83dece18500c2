package dev.tollgate.config;

import java.util.Map;
import java.util.Optional;

/**
 * Named secrets from environment variables, for {@code bin/local}: the name is the variable
 * ({@code TEAM_A_OPENAI_KEY}, or LiteLLM's {@code os.environ/TEAM_A_OPENAI_KEY}). The environment
 * is copied once when this is built, so the request path never reads it.
 */
public final class EnvSecretSource implements SecretSource {
    private final Map<String, String> vars;

    public EnvSecretSource(Map<String, String> environment) {
        this.vars = Map.copyOf(environment);
    }

    @Override
    public Optional<Secret> lookup(String name) {
        String variable = Env.isReference(name) ? name.substring(Env.PREFIX.length()).strip() : name;
        return Optional.ofNullable(Secret.ofNullable(vars.get(variable)));
    }
}
