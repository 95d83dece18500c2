package dev.tollgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    /** Hands out at most {@code step} bytes per read, to split the response at awkward places. */
    private static InputStream trickle(String text, int step) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static String body(ResponseReader r) {
        return new String(r.body(), 0, r.bodyLength(), StandardCharsets.UTF_8);
    }

    @Test
    void readsChunkedThenContentLengthResponsesOffOneConnection() throws IOException {
        String wire = "HTTP/1.1 200 OK\r\nTransfer-encoding: chunked\r\nContent-type: text/event-stream\r\n\r\n"
                + "f\r\ndata: {\"a\":1}\n\n\r\n" + "e;ext=1\r\ndata: [DONE]\n\n\r\n" + "0\r\n\r\n"
                + "HTTP/1.1 429 Too Many Requests\r\nContent-Length: 2\r\n\r\n{}";
        for (int step = 1; step <= 7; step++) {
            ResponseReader r = new ResponseReader(trickle(wire, step));
            r.read();
            assertEquals(200, r.status());
            assertEquals("data: {\"a\":1}\n\ndata: [DONE]\n\n", body(r));
            assertTrue(r.bodyContains("[DONE]".getBytes(StandardCharsets.US_ASCII)));
            assertTrue(r.firstBodyByteNanos() > 0);
            assertTrue(r.keepAlive());
            r.read();
            assertEquals(429, r.status());
            assertEquals("{}", body(r));
        }
    }

    @Test
    void connectionCloseWithoutLengthReadsToEnd() throws IOException {
        ResponseReader r = new ResponseReader(trickle("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello", 3));
        r.read();
        assertEquals("hello", body(r));
        assertFalse(r.keepAlive());
    }

    @Test
    void truncatedBodyIsAnError() {
        ResponseReader r = new ResponseReader(trickle("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", 2));
        assertThrows(EOFException.class, r::read);
    }

    @Test
    void bodyWithoutContentIsEmpty() throws IOException {
        ResponseReader r = new ResponseReader(trickle("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 4));
        r.read();
        assertEquals(0, r.bodyLength());
        assertEquals(0, r.firstBodyByteNanos());
    }
}
