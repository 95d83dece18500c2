package dev.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in upstream speaking one provider's real wire format over HTTP on loopback. Scripted
 * behaviours are consumed one per request; when none is queued it replies with the default answer.
 */
public final class MockUpstream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request the mock received. */
    public record Recorded(String method, String path, String query, Headers headers, JsonNode body, String apiKey) {
    }

    private final ProviderWire wire;
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Behavior> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Behavior fallback = Behavior.reply(Answer.text("Hello from the mock."));

    private MockUpstream(ProviderWire wire) throws IOException {
        this.wire = wire;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static MockUpstream start(ProviderWire wire) {
        try {
            return new MockUpstream(wire);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start mock upstream", e);
        }
    }

    public ProviderWire wire() {
        return wire;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String apiBase() {
        return wire.apiBase(root());
    }

    public MockUpstream enqueue(Behavior... behaviors) {
        script.addAll(List.of(behaviors));
        return this;
    }

    public MockUpstream byDefault(Behavior behavior) {
        this.fallback = behavior;
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded lastRequest() {
        return requests.isEmpty() ? null : requests.get(requests.size() - 1);
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void reset() {
        script.clear();
        requests.clear();
        maxInFlight.set(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (ex) {
            byte[] raw = ex.getRequestBody().readAllBytes();
            byte[] auxiliary = wire.auxiliary(ex.getRequestURI().getPath(), raw);
            if (auxiliary != null) {
                sendBody(ex, 200, auxiliary, 0);
                return;
            }
            JsonNode body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
            String path = ex.getRequestURI().getPath();
            requests.add(new Recorded(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders(), body, wire.apiKeyFrom(ex.getRequestHeaders())));
            Behavior b = script.poll();
            act(ex, b == null ? fallback : b, body, wire.isStream(path, body), body.path("model").asText("mock-model"));
        } catch (IOException | RuntimeException e) {
            // the gateway hung up, or the script asked for a broken connection: nothing to answer
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void act(HttpExchange ex, Behavior b, JsonNode body, boolean stream, String model) throws IOException {
        switch (b) {
            case Behavior.Reply r -> {
                if (wire instanceof EmbeddingWire e && e.isEmbedding(ex.getRequestURI().getPath(), body)) {
                    e.embeddingHeaders(EmbeddingWire.TOKENS_PER_INPUT * e.inputCount(body))
                            .forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                    sendBody(ex, 200, e.embeddingBody(EmbeddingWire.vectorsFor(e.inputCount(body)),
                            EmbeddingWire.TOKENS_PER_INPUT * e.inputCount(body), model), 0);
                } else if (stream) {
                    sendFrames(ex, wire.frameBytes(r.answer(), model), Integer.MAX_VALUE, null, 0, 0);
                } else {
                    sendBody(ex, 200, wire.body(r.answer(), model), 0);
                }
            }
            case Behavior.Fail f -> {
                f.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                wire.errorHeaders(f.status(), f.message()).forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                sendBody(ex, f.status(), wire.errorBody(f.status(), f.message()), 0);
            }
            case Behavior.Hang h -> sleep(h.duration().toMillis());
            case Behavior.StalledError s -> {
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(s.status(), 0);
                ex.getResponseBody().write("{\"error\":{\"message\":\"".getBytes(StandardCharsets.UTF_8));
                ex.getResponseBody().flush();
                sleep(s.duration().toMillis());
            }
            case Behavior.CutStream c -> sendFrames(ex, wire.frameBytes(c.answer(), model), c.afterFrames(), null, 0, 0);
            case Behavior.ErrorMidStream e -> sendFrames(ex, wire.frameBytes(e.answer(), model), e.afterFrames(),
                    wire.streamErrorFrame(e.message()), 0, 0);
            case Behavior.Fragmented f -> {
                if (stream) {
                    sendFrames(ex, wire.frameBytes(f.answer(), model), Integer.MAX_VALUE, null, f.fragmentBytes(), 0);
                } else {
                    sendBody(ex, 200, wire.body(f.answer(), model), f.fragmentBytes());
                }
            }
            case Behavior.SlowStream s -> sendFrames(ex, wire.frameBytes(s.answer(), model), Integer.MAX_VALUE, null, 0,
                    s.perFrame().toMillis());
            case Behavior.Held h -> {
                await(h.release());
                act(ex, Behavior.reply(h.answer()), body, stream, model);
            }
            case Behavior.Drop d -> {
                // closing the exchange without headers drops the connection
            }
        }
    }

    private static void sendBody(HttpExchange ex, int status, byte[] body, int fragment) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, fragment > 0 ? 0 : body.length);
        OutputStream out = ex.getResponseBody();
        writeFragmented(out, body, fragment);
        out.close();
    }

    private void sendFrames(HttpExchange ex, List<byte[]> frames, int limit, byte[] trailer, int fragment,
                            long pauseMillis) throws IOException {
        ex.getResponseHeaders().set("Content-Type", wire.streamContentType());
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        if (fragment > 0) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] f : frames) {
                all.write(f);
            }
            writeFragmented(out, all.toByteArray(), fragment);
        } else {
            int n = 0;
            for (byte[] f : frames) {
                if (n++ >= limit) {
                    break;
                }
                sleep(pauseMillis);
                out.write(f);
                out.flush();
            }
            if (trailer != null) {
                out.write(trailer);
                out.flush();
            }
        }
        out.close();
    }

    private static void writeFragmented(OutputStream out, byte[] bytes, int fragment) throws IOException {
        if (fragment <= 0) {
            out.write(bytes);
            return;
        }
        for (int i = 0; i < bytes.length; i += fragment) {
            out.write(bytes, i, Math.min(fragment, bytes.length - i));
            out.flush();
        }
    }

    private static void await(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A headers map for {@link Behavior.Fail}. */
    public static Map<String, String> headers(String name, String value) {
        return Map.of(name, value);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
