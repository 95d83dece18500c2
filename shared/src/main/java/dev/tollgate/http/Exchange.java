package dev.tollgate.http;

import com.sun.net.httpserver.HttpExchange;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One request and its response. Wraps the JDK server's exchange so handlers see a small API: bounded
 * body reads, JSON answers, and event streams.
 */
public final class Exchange {
    private final HttpExchange ex;
    private final String requestId;
    private final long startNanos;
    private boolean responded;

    Exchange(HttpExchange ex, String requestId, long startNanos) {
        this.ex = ex;
        this.requestId = requestId;
        this.startNanos = startNanos;
    }

    public String method() {
        return ex.getRequestMethod();
    }

    public String path() {
        return ex.getRequestURI().getPath();
    }

    /** The raw query string, or null. */
    public String query() {
        return ex.getRequestURI().getRawQuery();
    }

    /** A request header, or null. */
    public String header(String name) {
        return ex.getRequestHeaders().getFirst(name);
    }

    public String requestId() {
        return requestId;
    }

    /** When the request arrived, on the {@link System#nanoTime()} clock. */
    public long startNanos() {
        return startNanos;
    }

    public boolean responded() {
        return responded;
    }

    /** Reads the whole body; a body over {@code maxBytes} is a 413, before it is read when it says its length. */
    public byte[] body(long maxBytes) throws IOException {
        long limit = Math.min(maxBytes, Integer.MAX_VALUE - 8);
        long declared = declaredLength();
        if (declared > limit) {
            throw tooLarge(maxBytes);
        }
        InputStream in = ex.getRequestBody();
        if (declared >= 0) {
            return in.readNBytes((int) declared);
        }
        byte[] buf = new byte[8192];
        int len = 0;
        int n;
        while ((n = in.read(buf, len, buf.length - len)) >= 0) {
            len += n;
            if (len > limit) {
                throw tooLarge(maxBytes);
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(limit + 1, (long) len * 2));
            }
        }
        return Arrays.copyOf(buf, len);
    }

    /** Content-Length, or -1 for a chunked body. */
    private long declaredLength() {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(declared.trim());
            if (length < 0) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw GatewayException.invalid(null, "Content-Length is not a number.");
        }
    }

    private GatewayException tooLarge(long maxBytes) {
        ex.getResponseHeaders().set("Connection", "close");
        return new GatewayException(ErrorKind.REQUEST_TOO_LARGE, "Request body is larger than the limit of "
                + maxBytes + " bytes (general_settings.max_request_body_size_mb).");
    }

    public void setHeader(String name, String value) {
        ex.getResponseHeaders().set(name, value);
    }

    public void sendJson(int status, Object body) throws IOException {
        sendJsonBytes(status, Json.bytes(body));
    }

    public void sendJsonBytes(int status, byte[] json) throws IOException {
        responded = true;
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, json.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(json);
        }
    }

    /** Sends 200 with {@code text/event-stream} headers; from here on errors go into the stream. */
    public SseWriter startEventStream() throws IOException {
        responded = true;
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Accel-Buffering", "no");
        ex.sendResponseHeaders(200, 0);
        return new SseWriter(ex.getResponseBody());
    }
}
