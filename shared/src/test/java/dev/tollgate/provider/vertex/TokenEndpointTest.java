package dev.tollgate.provider.vertex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.UpstreamClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private HttpServer server;

    private URI serve(int status, String body, AtomicReference<String> received) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", ex -> {
            received.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void tradesTheAssertionForATokenThatExpiresWhenTheEndpointSays() throws Exception {
        AtomicReference<String> form = new AtomicReference<>();
        URI uri = serve(200, "{\"access_token\":\"ya29.t\",\"expires_in\":3599,\"token_type\":\"Bearer\"}", form);
        AccessTokens.Token t = new TokenEndpoint(new UpstreamClient(), uri, Duration.ofSeconds(2), CLOCK).fetch("a.b.c");
        assertEquals("ya29.t", t.value());
        assertEquals(CLOCK.instant().plusSeconds(3599), t.expiresAt());
        String sent = URLDecoder.decode(form.get(), StandardCharsets.UTF_8);
        assertTrue(sent.contains("grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer"), sent);
        assertTrue(sent.contains("assertion=a.b.c"), sent);
    }

    @Test
    void reportsARefusalAsAuthenticationWithTheEndpointsReasonButNoAssertion() throws Exception {
        URI uri = serve(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}",
                new AtomicReference<>());
        GatewayException e = assertThrows(GatewayException.class,
                () -> new TokenEndpoint(new UpstreamClient(), uri, Duration.ofSeconds(2), CLOCK).fetch("secret.jwt.sig"));
        assertEquals(ErrorKind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("Invalid JWT Signature."), e.getMessage());
        assertFalse(e.getMessage().contains("secret.jwt.sig"));
    }

    @Test
    void keepsAnUnreachableEndpointAConnectionError() throws Exception {
        URI uri = serve(200, "{}", new AtomicReference<>());
        server.stop(0);
        server = null;
        GatewayException e = assertThrows(GatewayException.class,
                () -> new TokenEndpoint(new UpstreamClient(), uri, Duration.ofSeconds(2), CLOCK).fetch("x"));
        assertEquals(ErrorKind.CONNECTION, e.kind());
    }
}
