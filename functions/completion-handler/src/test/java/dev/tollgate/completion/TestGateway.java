package dev.tollgate.completion;

import dev.tollgate.config.GatewayConfig;
import dev.tollgate.http.HttpServerHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The real completion server on a free loopback port, plus a raw HTTP client for tests. */
final class TestGateway implements AutoCloseable {
    static final String MASTER_KEY = "sk-master-test-1234";

    private final CompletionApp app;
    private final HttpServerHost host;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestGateway(GatewayConfig config) {
        this(config, CompletionServices.none());
    }

    TestGateway(GatewayConfig config, CompletionServices services) {
        app = CompletionApp.create(config, services, () -> true);
        try {
            host = HttpServerHost.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), app.routes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + host.port();
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + MASTER_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + MASTER_KEY).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletionApp app() {
        return app;
    }

    @Override
    public void close() {
        host.close();
        app.close();
    }
}
