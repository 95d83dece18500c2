package dev.tollgate.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The one HTTP client all providers share: pooled keep-alive connections, HTTP/2 over TLS where
 * the upstream offers it, plain HTTP/1.1 otherwise (no h2c upgrade dance on local servers).
 * Calls block; they run on virtual threads.
 */
public final class UpstreamClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;

    public UpstreamClient() {
        this(HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    public UpstreamClient(HttpClient client) {
        this.client = client;
    }

    /**
     * Sends a request and waits, at most {@code headerTimeout}, for the response headers.
     * Throws {@link IOException} (including {@link java.net.http.HttpTimeoutException}) on failure.
     */
    public UpstreamResponse send(String method, URI uri, Map<String, String> headers, byte[] body,
                                 Duration headerTimeout) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(headerTimeout);
        if (!"https".equals(uri.getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpRequest request = b.build();
        HttpResponse<InputStream> r;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            if (!isStalePooledConnection(e)) {
                throw e;
            }
            // The upstream closed an idle keep-alive connection as we reused it; the request never
            // reached it. The JDK client retries that only for idempotent methods, so we do it once.
            r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
        return new UpstreamResponse(r.statusCode(), r.headers(), r.body());
    }

    /**
     * The connection closed before a single byte of the answer: the JDK says so either with its
     * internal ConnectionExpiredException (closed while idle in the pool) or, when the close races the
     * request, with an EOF before the status line ("header parser received no bytes").
     */
    static boolean isStalePooledConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if ("ConnectionExpiredException".equals(t.getClass().getSimpleName())) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("header parser received no bytes")) {
                return true;
            }
        }
        return false;
    }

    public UpstreamResponse postJson(URI uri, Map<String, String> headers, byte[] body, Duration headerTimeout)
            throws IOException, InterruptedException {
        return send("POST", uri, headers, body, headerTimeout);
    }
}
