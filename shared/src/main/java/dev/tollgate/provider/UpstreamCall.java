package dev.tollgate.provider;

import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Deadlines;
import dev.tollgate.http.UpstreamClient;
import dev.tollgate.http.UpstreamResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The transport steps every provider shares: send, check the status (turning an error body into a
 * {@link GatewayException} through the provider's {@link ErrorBodyParser}), then read the body
 * under a deadline.
 */
public final class UpstreamCall {
    /** Bound on a non-streamed response body, and on an error body. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final int MAX_ERROR_BODY_BYTES = 1024 * 1024;
    private static final Duration MAX_ERROR_BODY_WAIT = Duration.ofSeconds(10);

    /** The message and code a provider puts in its error body. */
    public record ErrorDetail(String message, String code) {
    }

    /** Pulls message and code out of a provider's error body; never throws. */
    @FunctionalInterface
    public interface ErrorBodyParser {
        ErrorDetail parse(byte[] body);
    }

    private final UpstreamClient client;
    private final String provider;
    private final ErrorBodyParser errors;

    public UpstreamCall(UpstreamClient client, String provider, ErrorBodyParser errors) {
        this.client = client;
        this.provider = provider;
        this.errors = errors;
    }

    public String provider() {
        return provider;
    }

    /** Sends and returns the parsed body of a 2xx answer; the whole call is bounded by {@code timeout}. */
    public byte[] exchange(URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        long start = System.nanoTime();
        try (UpstreamResponse r = open(uri, headers, body, timeout);
             Deadlines.Watch watch = Deadlines.shared().watch(r.body())) {
            watch.expireIn(Math.max(1, timeout.toNanos() - (System.nanoTime() - start)));
            try {
                return r.readAll(MAX_BODY_BYTES);
            } catch (IOException e) {
                throw UpstreamErrors.fromIo(provider, e, watch.expired());
            }
        }
    }

    /** Sends and returns the open 2xx response, for streaming; the caller closes it. */
    public UpstreamResponse open(URI uri, Map<String, String> headers, byte[] body, Duration headerTimeout) {
        UpstreamResponse r;
        try {
            r = client.postJson(uri, headers, body, headerTimeout);
        } catch (IOException e) {
            throw UpstreamErrors.fromIo(provider, e, false);
        } catch (InterruptedException e) {
            throw UpstreamErrors.interrupted(provider, e);
        }
        if (r.ok()) {
            return r;
        }
        try (r) {
            ErrorDetail detail = errors.parse(readErrorBody(r, headerTimeout));
            throw UpstreamErrors.fromStatus(provider, r.status(), detail.message(), detail.code(),
                    r.header("retry-after"));
        }
    }

    /**
     * The error body, read within {@code timeout}: an upstream that sends an error status and then
     * stalls must not hold the request. What could not be read leaves the message empty; the status
     * still decides the error.
     */
    private static byte[] readErrorBody(UpstreamResponse r, Duration timeout) {
        try (Deadlines.Watch watch = Deadlines.shared().watch(r.body())) {
            watch.expireIn(Math.min(timeout.toNanos(), MAX_ERROR_BODY_WAIT.toNanos()));
            return r.readAll(MAX_ERROR_BODY_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
