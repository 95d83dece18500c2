package dev.tollgate.completion;

import dev.tollgate.http.Exchange;
import dev.tollgate.http.Handler;
import dev.tollgate.keys.MasterKeyAuth;
import dev.tollgate.router.HealthCheck;
import java.io.IOException;

/** {@code GET /health} (master key): every deployment called with a tiny request, healthy and unhealthy listed. */
final class DeploymentHealthHandler implements Handler {
    private final MasterKeyAuth auth;
    private final HealthCheck check;

    DeploymentHealthHandler(MasterKeyAuth auth, HealthCheck check) {
        this.auth = auth;
        this.check = check;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        auth.check(ex);
        ex.sendJson(200, check.run());
    }
}
