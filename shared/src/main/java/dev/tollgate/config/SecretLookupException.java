package dev.tollgate.config;

/** A secret store could not be asked (unreachable, access denied). The message names the secret, never a value. */
public final class SecretLookupException extends RuntimeException {
    public SecretLookupException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
