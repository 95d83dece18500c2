package dev.tollgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
    private static final byte[] COMPLETION = "{\"object\":\"chat.completion\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void rateLimitRefusalCountsAsAnError() throws Exception {
        try (Served server = serve(429, "{\"error\":{\"type\":\"rate_limit_error\"}}".getBytes(StandardCharsets.UTF_8), 0)) {
            LoadResult r = LoadGenerator.run(spec(server, 200, 2, Duration.ofMillis(500)), new CpuMeter());
            assertEquals(0, r.ok());
            assertTrue(r.errors() >= 90, "every refused call is an error: " + r.errors());
            assertTrue(r.firstError().startsWith("HTTP 429"), r.firstError());
        }
    }

    @Test
    void requestsTheServerIsTooSlowToLetOutAreErrorsNotSilentlyDropped() throws Exception {
        try (Served server = serve(200, COMPLETION, 300)) {
            LoadResult r = LoadGenerator.run(spec(server, 100, 1, Duration.ofMillis(500)), new CpuMeter());
            assertEquals(50, r.ok() + r.errors(), "all 50 calls due in the window are accounted for");
            assertTrue(r.errors() >= 45, "one connection answering every 300 ms cannot carry 100 req/s: " + r.errors());
            assertTrue(r.firstError().contains("never sent"), r.firstError());
        }
    }

    @Test
    void aServerThatKeepsUpHasNoErrors() throws Exception {
        try (Served server = serve(200, COMPLETION, 0)) {
            LoadResult r = LoadGenerator.run(spec(server, 200, 2, Duration.ofMillis(500)), new CpuMeter());
            assertEquals(0, r.errors(), String.valueOf(r.firstError()));
            assertEquals(100, r.ok());
        }
    }

    @Test
    void closedLoopStopsWhenTheWindowCloses() throws Exception {
        try (Served server = serve(200, COMPLETION, 0)) {
            long start = System.nanoTime();
            LoadResult r = LoadGenerator.run(spec(server, 0, 2, Duration.ofMillis(300)), new CpuMeter());
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "a closed loop has no schedule to fall behind");
            assertEquals(0, r.errors(), String.valueOf(r.firstError()));
            assertTrue(r.ok() > 0);
        }
    }

    /** A JDK HTTP server answering every request with one status and body, after a delay. */
    private record Served(HttpServer server) implements AutoCloseable {
        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static LoadSpec spec(Served server, double rate, int connections, Duration duration) {
        int port = server.port();
        return new LoadSpec("test", "127.0.0.1", port,
                HttpConnection.post("127.0.0.1", port, "/v1/chat/completions", "Bearer sk-test", BenchMain.PLAIN_BODY),
                false, rate, connections, Duration.ofMillis(100), duration);
    }

    private static Served serve(int status, byte[] body, long delayMillis) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new Served(server);
    }
}
