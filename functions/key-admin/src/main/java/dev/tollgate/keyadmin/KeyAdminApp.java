package dev.tollgate.keyadmin;

import dev.tollgate.config.GatewayConfig;
import dev.tollgate.http.Routes;
import dev.tollgate.keys.KeyChangeListener;
import dev.tollgate.keys.AdminStore;
import dev.tollgate.keys.MasterKeyAuth;
import java.time.Clock;

/**
 * The key-admin routes (LiteLLM's /key/*, /team/*, /user/*), wired from a parsed config and a
 * store. {@code bin/local} mounts them beside the completion routes; {@link KeyAdminMain} serves
 * them alone on Lambda.
 */
public final class KeyAdminApp {
    private KeyAdminApp() {
    }

    public static Routes routes(GatewayConfig config, AdminStore store, KeyChangeListener listener) {
        return register(new Routes(), config, store, listener, Clock.systemUTC());
    }

    /** Adds the routes to {@code routes}; {@code listener} hears of every key or team changed. */
    public static Routes register(Routes routes, GatewayConfig config, AdminStore store, KeyChangeListener listener,
                                  Clock clock) {
        AdminGate gate = new AdminGate(new MasterKeyAuth(config.general().masterKey()), store,
                config.general().maxRequestBodyBytes(), clock);
        KeyService keys = new KeyService(store, listener, clock);
        new KeyHandlers(gate, keys).register(routes);
        new TeamHandlers(gate, new TeamService(store, listener, clock)).register(routes);
        new UserHandlers(gate, new UserService(store, keys, listener, clock)).register(routes);
        return routes;
    }
}
