package dev.tollgate.keys;

import dev.tollgate.config.Secret;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Exchange;
import java.security.MessageDigest;

/**
 * Checks the caller's key against {@code general_settings.master_key}. Both sides are hashed before
 * a constant-time comparison, so neither the content nor the length of the key leaks through timing.
 * With no master key configured the gateway is open.
 */
public final class MasterKeyAuth {
    private final byte[] masterDigest;

    public MasterKeyAuth(Secret masterKey) {
        this.masterDigest = masterKey == null ? null : KeyHashes.sha256(masterKey.value());
    }

    public boolean enabled() {
        return masterDigest != null;
    }

    public void check(Exchange ex) {
        if (masterDigest == null) {
            return;
        }
        String key = BearerKey.from(ex);
        if (key == null) {
            throw new GatewayException(ErrorKind.AUTHENTICATION, "Missing API key. Pass it as "
                    + "'Authorization: Bearer <key>'.");
        }
        if (!MessageDigest.isEqual(masterDigest, KeyHashes.sha256(key))) {
            throw new GatewayException(ErrorKind.AUTHENTICATION, "Invalid API key.");
        }
    }

    /** Whether {@code key} is the master key; false when none is configured. Constant time. */
    public boolean isMasterKey(String key) {
        return masterDigest != null && key != null && MessageDigest.isEqual(masterDigest, KeyHashes.sha256(key));
    }
}
