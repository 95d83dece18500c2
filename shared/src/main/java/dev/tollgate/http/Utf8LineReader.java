package dev.tollgate.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (LF, CRLF or CR) and decodes each whole line as UTF-8, so a
 * multi-byte character split across two reads is never mangled. Lines are bounded.
 */
public final class Utf8LineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLen;
    private boolean skipLf;

    public Utf8LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    public String readLine() throws IOException {
        lineLen = 0;
        while (true) {
            if (pos == limit) {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    return lineLen > 0 ? take() : null;
                }
                pos = 0;
                limit = n;
            }
            while (pos < limit) {
                byte b = buf[pos++];
                if (skipLf) {
                    skipLf = false;
                    if (b == '\n') {
                        continue;
                    }
                }
                if (b == '\n') {
                    return take();
                }
                if (b == '\r') {
                    skipLf = true;
                    return take();
                }
                append(b);
            }
        }
    }

    private void append(byte b) throws IOException {
        if (lineLen == line.length) {
            if (lineLen >= maxLineBytes) {
                throw new IOException("line longer than " + maxLineBytes + " bytes");
            }
            line = Arrays.copyOf(line, Math.min(maxLineBytes, lineLen * 2));
        }
        line[lineLen++] = b;
    }

    private String take() {
        String s = new String(line, 0, lineLen, StandardCharsets.UTF_8);
        lineLen = 0;
        return s;
    }
}
