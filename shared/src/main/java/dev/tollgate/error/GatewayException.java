package dev.tollgate.error;

import java.time.Duration;

/**
 * The one exception type of the request path. Its message is shown to the caller, so it must
 * never carry a secret or a stack trace.
 */
public final class GatewayException extends RuntimeException {
    private final ErrorKind kind;
    private final String param;
    private final String code;
    private final Duration retryAfter;

    public GatewayException(ErrorKind kind, String message) {
        this(kind, message, null, null, null, null);
    }

    public GatewayException(ErrorKind kind, String message, String param) {
        this(kind, message, param, null, null, null);
    }

    public GatewayException(ErrorKind kind, String message, String param, String code,
                            Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.param = param;
        this.code = code != null ? code : kind.defaultCode();
        this.retryAfter = retryAfter;
    }

    public static GatewayException invalid(String param, String message) {
        return new GatewayException(ErrorKind.INVALID_REQUEST, message, param);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    /** How long the upstream asked callers to wait, when it said; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public int status() {
        return kind.status();
    }
}
