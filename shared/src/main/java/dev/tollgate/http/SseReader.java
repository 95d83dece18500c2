package dev.tollgate.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes a {@code text/event-stream} body into events, per the WHATWG rules that upstreams use:
 * {@code data:} lines joined by newlines, a blank line ends an event, {@code :} lines are comments.
 */
public final class SseReader {
    private static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    /** Many data lines without a blank line must not grow one event without bound either. */
    private static final int MAX_EVENT_CHARS = 16 * 1024 * 1024;

    private final Utf8LineReader lines;

    public SseReader(InputStream in) {
        this.lines = new Utf8LineReader(in, MAX_LINE_BYTES);
    }

    /** The next event with data, or null at the end of the stream. */
    public SseEvent next() throws IOException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new SseEvent(event, data.toString());
                }
                event = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (!value.isEmpty() && value.charAt(0) == ' ') {
                value = value.substring(1);
            }
            if ("data".equals(field)) {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
                if (data.length() > MAX_EVENT_CHARS) {
                    throw new IOException("server-sent event larger than " + MAX_EVENT_CHARS + " characters");
                }
            } else if ("event".equals(field)) {
                event = value;
            }
        }
        return data != null ? new SseEvent(event, data.toString()) : null;
    }
}
