package dev.tollgate.provider;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.http.Deadlines;
import dev.tollgate.http.UpstreamResponse;
import dev.tollgate.http.Utf8LineReader;
import dev.tollgate.openai.ChatCompletionChunk;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A {@link ChunkStream} over an upstream NDJSON body (one JSON object a line, as Ollama streams).
 * The first line must come within the stream timeout, each later one within the idle timeout. A
 * body that ends before the provider's last line is an error, never a silent truncation.
 */
public final class NdjsonChunkStream implements ChunkStream {
    private static final int MAX_LINE_BYTES = 4 * 1024 * 1024;
    private static final long DRAIN_NANOS = 100_000_000L;

    /** Turns one provider's NDJSON lines into OpenAI chunks; stateful, one instance per stream. */
    public interface LineTranslator {

        /** The chunks this line yields, maybe none; throws a GatewayException for an error line. */
        List<ChatCompletionChunk> translate(String line);

        /** True once the provider's last line has been seen. */
        boolean finished();
    }

    private final UpstreamResponse response;
    private final Utf8LineReader reader;
    private final LineTranslator translator;
    private final String provider;
    private final Deadlines.Watch watch;
    private final long idleNanos;
    private final ArrayDeque<ChatCompletionChunk> pending = new ArrayDeque<>();
    private boolean ended;

    public NdjsonChunkStream(UpstreamResponse response, LineTranslator translator, String provider,
                             Duration firstLineTimeout, Duration idleTimeout) {
        this.response = response;
        this.reader = new Utf8LineReader(response.body(), MAX_LINE_BYTES);
        this.translator = translator;
        this.provider = provider;
        this.watch = Deadlines.shared().watch(response.body());
        this.idleNanos = idleTimeout.toNanos();
        watch.expireIn(firstLineTimeout.toNanos());
    }

    @Override
    public ChatCompletionChunk next() {
        while (pending.isEmpty()) {
            if (ended) {
                return null;
            }
            String line = read();
            if (line == null) {
                ended = true;
                throw new GatewayException(ErrorKind.CONNECTION, provider + " closed the stream before it finished.");
            }
            if (!line.isBlank()) {
                translate(line);
            }
            watch.expireIn(idleNanos);
        }
        return pending.poll();
    }

    private void translate(String line) {
        try {
            pending.addAll(translator.translate(line));
        } catch (GatewayException e) {
            ended = true;
            throw e;
        }
        if (translator.finished()) {
            ended = true;
            drainToEnd();
        }
    }

    private String read() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            ended = true;
            throw UpstreamErrors.fromIo(provider, e, watch.expired());
        }
    }

    /** Reads what is left after the last line, so the connection can be pooled again; bounded. */
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
