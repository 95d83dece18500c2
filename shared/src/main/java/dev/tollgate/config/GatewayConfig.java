package dev.tollgate.config;

import java.util.List;

/**
 * The whole parsed configuration, immutable, handed to the request path once at start-up.
 * {@code redis} is null when no shared Redis is configured.
 */
public record GatewayConfig(List<Deployment> deployments, RouterSettings router, LitellmSettings litellm,
                            GeneralSettings general, RedisSettings redis) {
    public GatewayConfig {
        deployments = List.copyOf(deployments);
    }
}
