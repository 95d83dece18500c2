package dev.tollgate.provider;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Deadlines;
import dev.tollgate.http.SseEvent;
import dev.tollgate.http.SseReader;
import dev.tollgate.http.UpstreamResponse;
import dev.tollgate.openai.ChatCompletionChunk;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A {@link ChunkStream} over an upstream SSE body. The first chunk must come within the stream
 * timeout, each later one within the idle timeout. A body that ends before the provider's
 * end-of-stream marker is an error, never a silent truncation.
 */
public final class SseChunkStream implements ChunkStream {
    private static final long DRAIN_NANOS = 100_000_000L;

    private final UpstreamResponse response;
    private final SseReader reader;
    private final StreamTranslator translator;
    private final String provider;
    private final Deadlines.Watch watch;
    private final long idleNanos;
    private final ArrayDeque<ChatCompletionChunk> pending = new ArrayDeque<>();
    private boolean ended;

    public SseChunkStream(UpstreamResponse response, StreamTranslator translator, String provider,
                          Duration firstChunkTimeout, Duration idleTimeout) {
        this.response = response;
        this.reader = new SseReader(response.body());
        this.translator = translator;
        this.provider = provider;
        this.watch = Deadlines.shared().watch(response.body());
        this.idleNanos = idleTimeout.toNanos();
        watch.expireIn(firstChunkTimeout.toNanos());
    }

    @Override
    public ChatCompletionChunk next() {
        while (pending.isEmpty()) {
            if (ended) {
                return null;
            }
            SseEvent event = read();
            if (event == null) {
                ended = true;
                if (!translator.finished()) {
                    throw new GatewayException(ErrorKind.CONNECTION,
                            provider + " closed the stream before it finished.");
                }
                return null;
            }
            pending.addAll(translator.translate(event));
            if (translator.finished()) {
                ended = true;
                drainToEnd();
            }
            watch.expireIn(idleNanos);
        }
        return pending.poll();
    }

    private SseEvent read() {
        try {
            return reader.next();
        } catch (IOException e) {
            ended = true;
            throw UpstreamErrors.fromIo(provider, e, watch.expired());
        }
    }

    /**
     * Reads what is left after the end marker (normally just the chunked body's terminator), so the
     * client can pool the connection again instead of discarding it. Bounded: a server that keeps the
     * body open gets its connection closed after a moment.
     */
    private void drainToEnd() {
        watch.expireIn(DRAIN_NANOS);
        byte[] sink = new byte[512];
        try {
            while (response.body().read(sink) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // closed by the deadline, or broken: either way the answer is complete
        }
    }

    @Override
    public void close() {
        watch.close();
        response.close();
    }
}
