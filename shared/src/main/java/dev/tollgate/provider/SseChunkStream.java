package dev.tollgate.provider;

import dev.tollgate.http.SseEvent;
import dev.tollgate.http.SseReader;
import dev.tollgate.http.UpstreamResponse;
import java.io.IOException;
import java.time.Duration;

/** A {@link ChunkStream} over an upstream {@code text/event-stream} body. */
public final class SseChunkStream extends FramedChunkStream<SseEvent> {
    private final SseReader reader;

    public SseChunkStream(UpstreamResponse response, StreamTranslator translator, String provider,
                          Duration firstChunkTimeout, Duration idleTimeout) {
        super(response, translator, provider, firstChunkTimeout, idleTimeout);
        this.reader = new SseReader(response.body());
    }

    @Override
    SseEvent readFrame() throws IOException {
        return reader.next();
    }
}
