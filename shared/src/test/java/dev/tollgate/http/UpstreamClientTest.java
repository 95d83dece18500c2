package dev.tollgate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UpstreamClientTest {

    /**
     * The first connection answers one request with keep-alive, then reads the next request and
     * hangs up without answering, as an upstream does when it times out an idle connection just as
     * it is reused. Every later connection answers normally.
     */
    @Test
    void retriesOnceWhenAPooledConnectionWasClosedByTheUpstream() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        int n = connections.incrementAndGet();
                        Thread.ofVirtual().start(() -> serve(s, n == 1));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            UpstreamClient client = new UpstreamClient();
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 2; i++) {
                try (UpstreamResponse r = client.postJson(uri, Map.of("Content-Type", "application/json"), body,
                        Duration.ofSeconds(5))) {
                    assertEquals(200, r.status());
                    assertEquals("ok", new String(r.readAll(100), StandardCharsets.UTF_8));
                }
            }
            assertEquals(2, connections.get(), "the second call went out again on a fresh connection");
            acceptor.interrupt();
        }
    }

    private static void serve(Socket s, boolean dropSecondRequest) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = s.getOutputStream();
            for (int request = 1; ; request++) {
                int length = readHead(in);
                if (length < 0) {
                    return;
                }
                in.skip(length);
                if (dropSecondRequest && request == 2) {
                    return;
                }
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException ignored) {
            // the client hung up
        }
    }

    /** Reads a request head; returns its Content-Length, or -1 at the end of the connection. */
    private static int readHead(BufferedReader in) throws IOException {
        int length = 0;
        String line = in.readLine();
        if (line == null) {
            return -1;
        }
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return length;
    }
}
