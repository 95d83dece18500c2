package dev.tollgate.provider;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Maps what went wrong upstream onto the error vocabulary: an HTTP status with the provider's own
 * message, or an I/O failure. Shared by every provider; each extracts its message and code first.
 */
public final class UpstreamErrors {
    private UpstreamErrors() {
    }

    /**
     * @param provider    the provider's name, for the message
     * @param status      the upstream HTTP status (not 2xx)
     * @param message     the provider's error message, or null
     * @param code        the provider's error code or type, or null
     * @param retryAfter  the upstream's {@code Retry-After} header value, or null
     */
    public static GatewayException fromStatus(String provider, int status, String message, String code,
                                              String retryAfter) {
        String text = provider + " returned " + status + (message == null || message.isBlank() ? "" : ": " + message);
        String hay = ((message == null ? "" : message) + " " + (code == null ? "" : code)).toLowerCase(Locale.ROOT);
        ErrorKind kind = switch (status) {
            case 400, 413, 422 -> isContextOverflow(hay) ? ErrorKind.CONTEXT_WINDOW_EXCEEDED
                    : isContentPolicy(hay) ? ErrorKind.CONTENT_POLICY : ErrorKind.INVALID_REQUEST;
            case 401 -> ErrorKind.AUTHENTICATION;
            case 403 -> ErrorKind.PERMISSION_DENIED;
            case 404 -> ErrorKind.NOT_FOUND;
            case 408 -> ErrorKind.TIMEOUT;
            case 429 -> ErrorKind.RATE_LIMITED;
            case 503, 529 -> ErrorKind.UPSTREAM_UNAVAILABLE;
            // 402 (out of credits), 409, 3xx ...: the deployment's problem, not the caller's request;
            // another deployment may well serve it
            default -> ErrorKind.UPSTREAM_ERROR;
        };
        return new GatewayException(kind, text, null, null, parseRetryAfter(retryAfter), null);
    }

    public static boolean isContextOverflow(String lowerCaseText) {
        return lowerCaseText.contains("context_length_exceeded")
                || lowerCaseText.contains("context length")
                || lowerCaseText.contains("context window")
                || lowerCaseText.contains("prompt is too long")
                || lowerCaseText.contains("too many tokens")
                || lowerCaseText.contains("input is too long");
    }

    public static boolean isContentPolicy(String lowerCaseText) {
        return lowerCaseText.contains("content_policy")
                || lowerCaseText.contains("content management policy")
                || lowerCaseText.contains("content_filter");
    }

    /** An I/O failure talking to the upstream; {@code deadlinePassed} when our own deadline cut it. */
    public static GatewayException fromIo(String provider, IOException e, boolean deadlinePassed) {
        if (deadlinePassed || e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) {
            return new GatewayException(ErrorKind.TIMEOUT, provider + " did not answer in time.", null, null, null, e);
        }
        if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e.getCause() instanceof UnresolvedAddressException) {
            return new GatewayException(ErrorKind.CONNECTION, "Could not connect to " + provider + ".",
                    null, null, null, e);
        }
        return new GatewayException(ErrorKind.CONNECTION, "Connection to " + provider + " failed: "
                + e.getClass().getSimpleName(), null, null, null, e);
    }

    public static GatewayException interrupted(String provider, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new GatewayException(ErrorKind.CONNECTION, "Call to " + provider + " was interrupted.",
                null, null, null, e);
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
