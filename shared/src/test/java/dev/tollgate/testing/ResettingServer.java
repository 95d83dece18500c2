package dev.tollgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream that accepts each connection, reads the start of the request, and resets the
 * connection (TCP RST, by closing with a zero linger) instead of answering.
 */
public final class ResettingServer implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    private ResettingServer(ServerSocket server) {
        this.server = server;
        Thread.ofVirtual().name("resetting-server").start(this::serve);
    }

    public static ResettingServer start() {
        try {
            return new ResettingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>} */
    public String root() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                connections.incrementAndGet();
                s.getInputStream().read(new byte[1024]);
                s.setSoLinger(true, 0);
            } catch (IOException e) {
                // closed, or the client went first: either way, next connection
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
    }
}
