package dev.tollgate.provider;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Deadlines;
import dev.tollgate.http.UpstreamResponse;
import dev.tollgate.openai.ChatCompletionChunk;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A {@link ChunkStream} over an upstream body of frames. The first frame must come within the
 * stream timeout, each later one within the idle timeout. A body that ends before the provider's
 * end-of-stream marker is an error, never a silent truncation. After the marker the rest of the
 * body is drained, so the client can pool the connection again.
 *
 * @param <F> one frame: an SSE event, an NDJSON line ...
 */
abstract class FramedChunkStream<F> implements ChunkStream {
    private static final long DRAIN_NANOS = 100_000_000L;

    private final UpstreamResponse response;
    private final FrameTranslator<F> translator;
    private final String provider;
    private final Deadlines.Watch watch;
    private final long idleNanos;
    private final ArrayDeque<ChatCompletionChunk> pending = new ArrayDeque<>();
    private boolean ended;

    FramedChunkStream(UpstreamResponse response, FrameTranslator<F> translator, String provider,
                      Duration firstFrameTimeout, Duration idleTimeout) {
        this.response = response;
        this.translator = translator;
        this.provider = provider;
        this.watch = Deadlines.shared().watch(response.body());
        this.idleNanos = idleTimeout.toNanos();
        watch.expireIn(firstFrameTimeout.toNanos());
    }

    /** The next frame worth translating, or null at the end of the body. */
    abstract F readFrame() throws IOException;

    @Override
    public ChatCompletionChunk next() {
        while (pending.isEmpty()) {
            if (ended) {
                return null;
            }
            F frame = read();
            if (frame == null) {
                ended = true;
                if (!translator.finished()) {
                    throw new GatewayException(ErrorKind.CONNECTION,
                            provider + " closed the stream before it finished.");
                }
                return null;
            }
            translate(frame);
            watch.expireIn(idleNanos);
        }
        return pending.poll();
    }

    private void translate(F frame) {
        try {
            pending.addAll(translator.translate(frame));
        } catch (GatewayException e) {
            ended = true;
            throw e;
        }
        if (translator.finished()) {
            ended = true;
            drainToEnd();
        }
    }

    private F read() {
        try {
            return readFrame();
        } catch (IOException e) {
            ended = true;
            throw UpstreamErrors.fromIo(provider, e, watch.expired());
        }
    }

    /** Reads what is left after the end marker (normally the chunked terminator); bounded. */
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
