package dev.tollgate.completion;

import dev.tollgate.http.Routes;
import dev.tollgate.openai.Json;
import java.util.function.BooleanSupplier;

/**
 * LiteLLM's unauthenticated probes: liveliness (the process answers) and readiness (it can serve).
 * The Lambda Web Adapter polls readiness before it sends the first invoke.
 */
final class HealthHandlers {
    record Readiness(String status, String version) {
    }

    private HealthHandlers() {
    }

    static void register(Routes routes, String version, BooleanSupplier ready) {
        byte[] alive = Json.bytes("I'm alive!");
        routes.add("GET", "/health/liveliness", ex -> ex.sendJsonBytes(200, alive));
        routes.add("GET", "/health/liveness", ex -> ex.sendJsonBytes(200, alive));
        byte[] healthy = Json.bytes(new Readiness("healthy", version));
        byte[] starting = Json.bytes(new Readiness("starting", version));
        routes.add("GET", "/health/readiness", ex -> {
            boolean ok = ready.getAsBoolean();
            ex.sendJsonBytes(ok ? 200 : 503, ok ? healthy : starting);
        });
    }
}
