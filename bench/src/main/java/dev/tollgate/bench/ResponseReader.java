package dev.tollgate.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads one HTTP/1.1 response at a time off a keep-alive connection: status line, headers, then a
 * body framed by Content-Length or chunked encoding. Keeps the body (reusing one buffer) and the
 * {@link System#nanoTime()} at which its first byte arrived. Allocates little beyond one String per
 * header line (the body buffer is reused), so the client measures the server rather than itself.
 */
final class ResponseReader {
    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;
    private long lastFillNanos;

    private byte[] body = new byte[4096];
    private int bodyLength;
    private int status;
    private long firstBodyByteNanos;
    private boolean keepAlive;

    private final StringBuilder line = new StringBuilder(128);

    ResponseReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next whole response; blocks until its last byte has arrived. */
    void read() throws IOException {
        bodyLength = 0;
        firstBodyByteNanos = 0;
        status = parseStatus(readLine());
        long contentLength = -1;
        boolean chunked = false;
        keepAlive = true;
        String header;
        while (!(header = readLine()).isEmpty()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new IOException("bad header line: " + header);
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("connection")) {
                keepAlive = !value.equalsIgnoreCase("close");
            }
        }
        if (chunked) {
            readChunked();
        } else if (contentLength >= 0) {
            readBody(contentLength);
        } else if (status != 204 && status != 304 && !(status >= 100 && status < 200)) {
            keepAlive = false;
            readToEof();
        }
    }

    int status() {
        return status;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** When the first body byte arrived; 0 if the body was empty. */
    long firstBodyByteNanos() {
        return firstBodyByteNanos;
    }

    int bodyLength() {
        return bodyLength;
    }

    byte[] body() {
        return body;
    }

    /** The body's first {@code max} bytes as UTF-8 text, for error messages. */
    String bodyText(int max) {
        return new String(body, 0, Math.min(max, bodyLength), java.nio.charset.StandardCharsets.UTF_8);
    }

    boolean bodyContains(byte[] needle) {
        return indexOf(body, bodyLength, needle, 0) >= 0;
    }

    boolean bodyEndsWith(byte[] suffix) {
        if (bodyLength < suffix.length) {
            return false;
        }
        return Arrays.equals(body, bodyLength - suffix.length, bodyLength, suffix, 0, suffix.length);
    }

    private void readChunked() throws IOException {
        while (true) {
            String sizeLine = readLine();
            int semi = sizeLine.indexOf(';');
            long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: ignored
                }
                return;
            }
            readBody(size);
            if (!readLine().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private void readBody(long length) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            if (pos == limit && !fill()) {
                throw new EOFException("connection closed inside a body");
            }
            int n = (int) Math.min(remaining, limit - pos);
            append(n);
            remaining -= n;
        }
    }

    private void readToEof() throws IOException {
        while (pos < limit || fill()) {
            append(limit - pos);
        }
    }

    private void append(int n) {
        if (n > 0 && firstBodyByteNanos == 0) {
            firstBodyByteNanos = lastFillNanos;
        }
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
        }
        System.arraycopy(buf, pos, body, bodyLength, n);
        bodyLength += n;
        pos += n;
    }

    /** One line without its CRLF (a bare LF is accepted too); header bytes are ASCII. */
    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            if (pos == limit && !fill()) {
                throw new EOFException(line.isEmpty() ? "connection closed" : "connection closed mid-line");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return line.toString();
            }
            if (line.length() > 64 * 1024) {
                throw new IOException("header line too long");
            }
            line.append((char) (b & 0xff));
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        lastFillNanos = System.nanoTime();
        pos = 0;
        limit = n;
        return true;
    }

    private static int parseStatus(String statusLine) throws IOException {
        // "HTTP/1.1 200 OK"
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("bad status line: " + statusLine);
        }
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    static int indexOf(byte[] haystack, int length, byte[] needle, int from) {
        outer:
        for (int i = from; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
