package dev.tollgate.keyadmin;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Exchange;
import dev.tollgate.http.JsonBodies;
import dev.tollgate.keys.BearerKey;
import dev.tollgate.keys.KeyHashes;
import dev.tollgate.keys.KeyLookup;
import dev.tollgate.keys.MasterKeyAuth;
import dev.tollgate.keys.VirtualKey;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Who may call the admin API: the master key, for everything; a virtual key, for its own
 * {@code /key/info} only. With no master key configured the admin API refuses every call (403):
 * an open admin API would let anyone mint keys, and LiteLLM's virtual keys need a master key too.
 */
final class AdminGate {
    private final MasterKeyAuth master;
    private final KeyLookup keys;
    private final long maxBodyBytes;
    private final Clock clock;

    /** The caller of a read that a virtual key may make about itself: empty for the master key. */
    record Caller(Optional<VirtualKey> key) {
        boolean isMaster() {
            return key.isEmpty();
        }
    }

    AdminGate(MasterKeyAuth master, KeyLookup keys, long maxBodyBytes, Clock clock) {
        this.master = master;
        this.keys = keys;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    /** Admits the master key only. */
    void admitAdmin(Exchange ex) {
        if (!caller(ex).isMaster()) {
            throw new GatewayException(ErrorKind.PERMISSION_DENIED, ex.method() + " " + ex.path()
                    + " needs the master key; a virtual key may only read its own /key/info.");
        }
    }

    /** Admits the master key only, then reads the JSON body. */
    Body adminBody(Exchange ex) throws IOException {
        admitAdmin(ex);
        return new Body(JsonBodies.readJson(ex, maxBodyBytes));
    }

    /** Like {@link #adminBody}, for endpoints whose body may be left out. */
    Body optionalAdminBody(Exchange ex) throws IOException {
        admitAdmin(ex);
        return new Body(JsonBodies.readOptionalJson(ex, maxBodyBytes));
    }

    /** The master key, or a virtual key that exists, is not blocked and has not expired; else a 401/403. */
    Caller caller(Exchange ex) {
        if (!master.enabled()) {
            throw new GatewayException(ErrorKind.PERMISSION_DENIED, "The admin API is off: it needs "
                    + "general_settings.master_key (or LITELLM_MASTER_KEY) to be set.");
        }
        String key = BearerKey.from(ex);
        if (key == null) {
            throw new GatewayException(ErrorKind.AUTHENTICATION, "Missing API key. Pass it as "
                    + "'Authorization: Bearer <key>'.");
        }
        if (master.isMasterKey(key)) {
            return new Caller(Optional.empty());
        }
        VirtualKey virtual = keys.keyByHash(KeyHashes.hash(key))
                .orElseThrow(() -> new GatewayException(ErrorKind.AUTHENTICATION, "Invalid API key."));
        if (virtual.blocked()) {
            throw new GatewayException(ErrorKind.PERMISSION_DENIED, "This key is blocked.");
        }
        if (virtual.expiredAt(clock.instant())) {
            throw new GatewayException(ErrorKind.AUTHENTICATION, "This key expired at " + virtual.expires() + ".");
        }
        return new Caller(Optional.of(virtual));
    }
}
