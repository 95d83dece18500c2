package dev.tollgate.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.error.OpenAiError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP server both runtimes use: the JDK's own server, one virtual thread per request. Every
 * failure leaves as an OpenAI error body; nothing unexpected reaches the client as a stack trace.
 */
public final class HttpServerHost implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("tollgate.http");

    static {
        // Without TCP_NODELAY, small SSE writes and keep-alive responses wait on Nagle's algorithm.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // A client that trickles its request (headers and body) may hold a connection this long, no
        // longer; the JDK server's default is forever. Responses (streams) are not limited by it.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "60");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Routes routes;

    private HttpServerHost(HttpServer server, ExecutorService executor, Routes routes) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
    }

    /** Binds and starts serving; port 0 picks a free port. */
    public static HttpServerHost start(InetSocketAddress address, Routes routes) throws IOException {
        HttpServer server = HttpServer.create(address, 1024);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        HttpServerHost host = new HttpServerHost(server, executor, routes);
        server.createContext("/", host::dispatch);
        server.setExecutor(executor);
        server.start();
        return host;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange raw) {
        long start = System.nanoTime();
        Exchange ex = new Exchange(raw, newRequestId(), start);
        try {
            ex.setHeader("x-tollgate-call-id", ex.requestId());
            routes.find(ex.method(), ex.path()).handle(ex);
        } catch (GatewayException e) {
            respondWithError(ex, e);
        } catch (IOException e) {
            // the client went away mid-request; there is no one left to answer
            LOG.log(System.Logger.Level.DEBUG, "request {0}: client connection lost: {1}", ex.requestId(), e.toString());
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "request " + ex.requestId() + " failed unexpectedly", e);
            respondWithError(ex, new GatewayException(ErrorKind.INTERNAL,
                    "Internal error; quote request id " + ex.requestId() + " when reporting it."));
        } finally {
            raw.close();
        }
    }

    private static void respondWithError(Exchange ex, GatewayException e) {
        if (ex.responded()) {
            return;
        }
        try {
            if (e.retryAfter() != null) {
                ex.setHeader("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
            }
            ex.sendJson(e.status(), OpenAiError.of(e));
        } catch (IOException gone) {
            LOG.log(System.Logger.Level.DEBUG, "request {0}: could not send error: {1}", ex.requestId(), gone.toString());
        }
    }

    /**
     * 32 hex digits from {@link UUID#randomUUID()}, whose SecureRandom stays unique after a Lambda
     * SnapStart restore; {@code ThreadLocalRandom}'s seeder would be cloned with the snapshot, and
     * every restored instance would hand out the same ids.
     */
    static String newRequestId() {
        UUID id = UUID.randomUUID();
        return hex16(id.getMostSignificantBits()) + hex16(id.getLeastSignificantBits());
    }

    private static String hex16(long bits) {
        String hex = Long.toHexString(bits);
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }

    /** Stops accepting, gives in-flight requests up to {@code graceSeconds} to finish. */
    public void stop(int graceSeconds) {
        server.stop(graceSeconds);
        executor.shutdown();
    }

    @Override
    public void close() {
        stop(0);
    }
}
