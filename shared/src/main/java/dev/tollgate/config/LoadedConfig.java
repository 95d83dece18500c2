package dev.tollgate.config;

import java.util.List;

/**
 * A parsed configuration and what was odd about it: unknown keys, LiteLLM settings Tollgate
 * ignores, a missing master key. Warnings are one line each and hold no secret values; log them
 * at start-up. {@code secrets} is where tenants' own credentials are looked up at run time: the
 * configured secret manager, else the environment.
 */
public record LoadedConfig(GatewayConfig config, List<String> warnings, SecretSource secrets) {
    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
