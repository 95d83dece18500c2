package dev.tollgate.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.testing.ChoppedInput;
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
            assertEquals(expected, readAll(ChoppedInput.cutAt(bytes, split)), "split at byte " + split);
        }
        for (int size = 1; size <= 7; size++) {
            assertEquals(expected, readAll(ChoppedInput.trickle(bytes, size)), "pieces of " + size);
        }
    }

    @Test
    void refusesAnEventThatNeverEnds() {
        byte[] line = "data: 0123456789012345678901234567890123456789012345678901234567890123\n"
                .getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            private int pos;

            @Override
            public int read() {
                return line[pos++ % line.length] & 0xff;
            }
        };
        assertThrows(IOException.class, () -> new SseReader(endless).next());
    }

    @Test
    void deliversAnEventLeftWithoutItsBlankLineAtEnd() throws IOException {
        SseReader r = new SseReader(new ByteArrayInputStream("data: tail".getBytes(StandardCharsets.UTF_8)));
        assertEquals(new SseEvent(null, "tail"), r.next());
        assertNull(r.next());
    }
}
