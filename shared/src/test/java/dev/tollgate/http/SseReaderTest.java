package dev.tollgate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {
    private static final String STREAM = "event: message_start\r\ndata: {\"t\":\"héllo 日本語 🚀\"}\r\n\r\n"
            + ": a comment\n\ndata: first line\ndata: second line\n\n"
            + "event: ping\ndata:{}\n\n"
            + "data: [DONE]\n\n";

    private static List<SseEvent> readAll(InputStream in) throws IOException {
        SseReader r = new SseReader(in);
        List<SseEvent> events = new ArrayList<>();
        for (SseEvent e = r.next(); e != null; e = r.next()) {
            events.add(e);
        }
        return events;
    }

    @Test
    void readsEventsDataLinesAndComments() throws IOException {
        List<SseEvent> events = readAll(new ByteArrayInputStream(STREAM.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(
                new SseEvent("message_start", "{\"t\":\"héllo 日本語 🚀\"}"),
                new SseEvent(null, "first line\nsecond line"),
                new SseEvent("ping", "{}"),
                new SseEvent(null, "[DONE]")), events);
    }

    @Test
    void givesTheSameEventsWhateverTheReadBoundaries() throws IOException {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        List<SseEvent> expected = readAll(new ByteArrayInputStream(bytes));
        for (int split = 1; split < bytes.length; split++) {
            assertEquals(expected, readAll(new TwoPieces(bytes, split)), "split at byte " + split);
        }
        for (int size = 1; size <= 7; size++) {
            assertEquals(expected, readAll(new Trickle(bytes, size)), "pieces of " + size);
        }
    }

    @Test
    void deliversAnEventLeftWithoutItsBlankLineAtEnd() throws IOException {
        SseReader r = new SseReader(new ByteArrayInputStream("data: tail".getBytes(StandardCharsets.UTF_8)));
        assertEquals(new SseEvent(null, "tail"), r.next());
        assertNull(r.next());
    }

    /** Returns the bytes in two reads split at a given offset. */
    static final class TwoPieces extends InputStream {
        private final byte[] bytes;
        private final int split;
        private int pos;

        TwoPieces(byte[] bytes, int split) {
            this.bytes = bytes;
            this.split = split;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int end = pos < split ? split : bytes.length;
            int n = Math.min(len, end - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** Returns at most {@code size} bytes per read. */
    static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int size;
        private int pos;

        Trickle(byte[] bytes, int size) {
            this.bytes = bytes;
            this.size = size;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, size), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
