package dev.tollgate.http;

import dev.tollgate.error.GatewayException;
import dev.tollgate.error.OpenAiError;
import dev.tollgate.openai.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes an OpenAI-style event stream: {@code data: <json>} events, flushed one by one so each
 * reaches the client as soon as it is written, then {@code data: [DONE]}.
 */
public final class SseWriter {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "event: error\ndata: ".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;

    SseWriter(OutputStream out) {
        this.out = out;
    }

    public void data(Object event) throws IOException {
        out.write(DATA);
        out.write(Json.bytes(event));
        out.write(END);
        out.flush();
    }

    public void done() throws IOException {
        out.write(DONE);
        out.flush();
    }

    /** The last event of a stream that failed after it began: an OpenAI error body. */
    public void error(GatewayException e) throws IOException {
        out.write(ERROR);
        out.write(Json.bytes(OpenAiError.of(e)));
        out.write(END);
        out.flush();
    }
}
