package dev.tollgate.provider;

import dev.tollgate.http.UpstreamResponse;
import dev.tollgate.http.Utf8LineReader;
import java.io.IOException;
import java.time.Duration;

/** A {@link ChunkStream} over an upstream NDJSON body (one JSON object a line, as Ollama streams). */
public final class NdjsonChunkStream extends FramedChunkStream<String> {
    private static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    /** A {@link FrameTranslator} for NDJSON lines. */
    public interface LineTranslator extends FrameTranslator<String> {
    }

    private final Utf8LineReader reader;

    public NdjsonChunkStream(UpstreamResponse response, LineTranslator translator, String provider,
                             Duration firstLineTimeout, Duration idleTimeout) {
        super(response, translator, provider, firstLineTimeout, idleTimeout);
        this.reader = new Utf8LineReader(response.body(), MAX_LINE_BYTES);
    }

    /** The next non-blank line. */
    @Override
    String readFrame() throws IOException {
        String line;
        do {
            line = reader.readLine();
        } while (line != null && line.isBlank());
        return line;
    }
}
