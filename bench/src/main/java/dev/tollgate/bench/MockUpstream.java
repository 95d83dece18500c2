package dev.tollgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A fast OpenAI-wire upstream: {@code POST /v1/chat/completions} (and {@code /chat/completions})
 * answers with a fixed {@code chat.completion}, or with {@code "stream": true} a stream of chunks,
 * each event flushed on its own. {@code GET /health} answers 200. Runs on the JDK HTTP server with
 * one virtual thread per exchange.
 */
public final class MockUpstream implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SAFE_MODEL = Pattern.compile("[A-Za-z0-9._:/\\-]{1,100}");

    private final HttpServer server;
    private final ExecutorService executor;
    private final MockResponses responses;
    private final long latencyMillis;
    private final AtomicLong ids = new AtomicLong();

    private MockUpstream(HttpServer server, ExecutorService executor, int chunks, long latencyMillis) {
        this.server = server;
        this.executor = executor;
        this.responses = new MockResponses(chunks);
        this.latencyMillis = latencyMillis;
    }

    /** Starts a mock on 127.0.0.1; port 0 picks a free one. */
    public static MockUpstream start(int port, int chunks, long latencyMillis) throws IOException {
        // Read once by the JDK server's static config: it must be set before the first server exists.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        MockUpstream mock = new MockUpstream(server, executor, chunks, latencyMillis);
        server.createContext("/v1/chat/completions", mock::handleCompletion);
        server.createContext("/chat/completions", mock::handleCompletion);
        server.createContext("/health", mock::handleHealth);
        server.setExecutor(executor);
        server.start();
        return mock;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void handleHealth(HttpExchange exchange) throws IOException {
        try (exchange) {
            drain(exchange.getRequestBody());
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void handleCompletion(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                sendJson(exchange, 405, "{\"error\":{\"message\":\"use POST\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            JsonNode request;
            try {
                request = MAPPER.readTree(body);
            } catch (IOException e) {
                sendJson(exchange, 400, "{\"error\":{\"message\":\"bad JSON\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            pause();
            String model = request.path("model").asText("");
            model = SAFE_MODEL.matcher(model).matches() ? model : "bench-model";
            String id = "chatcmpl-bench" + ids.incrementAndGet();
            long created = System.currentTimeMillis() / 1000;
            if (request.path("stream").asBoolean(false)) {
                boolean usage = request.path("stream_options").path("include_usage").asBoolean(false);
                stream(exchange, responses.streamEvents(id, created, model, usage));
            } else {
                byte[] json = responses.completion(id, created, model);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, json.length);
                exchange.getResponseBody().write(json);
            }
        }
    }

    private static void stream(HttpExchange exchange, List<byte[]> events) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (byte[] event : events) {
            out.write(event);
            out.flush();
        }
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void pause() {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    /** {@code --port N} (0: any free port) {@code --chunks N} {@code --latency-ms N}; prints {@code MOCK_PORT=<port>}. */
    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        MockUpstream mock = start(a.intValue("port", 0), a.intValue("chunks", 10), a.intValue("latency-ms", 0));
        System.out.println("MOCK_PORT=" + mock.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
