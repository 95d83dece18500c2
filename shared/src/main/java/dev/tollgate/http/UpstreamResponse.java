package dev.tollgate.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.util.Arrays;

/** An upstream's answer whose headers have arrived; the body is read by the provider. */
public final class UpstreamResponse implements AutoCloseable {
    private final int status;
    private final HttpHeaders headers;
    private final InputStream body;

    UpstreamResponse(int status, HttpHeaders headers, InputStream body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public InputStream body() {
        return body;
    }

    /** Reads the whole body, refusing one larger than {@code maxBytes}. */
    public byte[] readAll(int maxBytes) throws IOException {
        byte[] buf = new byte[8192];
        int len = 0;
        int n;
        while ((n = body.read(buf, len, buf.length - len)) >= 0) {
            len += n;
            if (len == buf.length) {
                if (len >= maxBytes) {
                    throw new IOException("upstream response larger than " + maxBytes + " bytes");
                }
                buf = Arrays.copyOf(buf, Math.min(maxBytes, len * 2));
            }
        }
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing a finished or broken body has nothing left to report
        }
    }
}
