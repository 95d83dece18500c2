package dev.tollgate.config;

import java.util.List;

/** The whole parsed configuration, immutable, handed to the request path once at start-up. */
public record GatewayConfig(List<Deployment> deployments, RouterSettings router, LitellmSettings litellm,
                            GeneralSettings general) {
    public GatewayConfig {
        deployments = List.copyOf(deployments);
    }
}
