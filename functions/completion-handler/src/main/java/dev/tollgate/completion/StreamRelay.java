package dev.tollgate.completion;

import dev.tollgate.error.GatewayException;
import dev.tollgate.http.SseWriter;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.router.OpenedStream;
import java.io.IOException;

/**
 * Relays an opened upstream stream to the caller chunk by chunk. Every chunk is counted in
 * {@link StreamTokens} before it is written, so a stream cut short is still charged for what it
 * produced; the usage chunk is forwarded only when the caller asked for it. A failure after the
 * first byte ends the stream with an error event, then {@code [DONE]} is not sent.
 */
final class StreamRelay {
    private final SseWriter out;
    private final boolean forwardUsage;
    private final StreamTokens tokens;

    StreamRelay(SseWriter out, boolean forwardUsage, StreamTokens tokens) {
        this.out = out;
        this.forwardUsage = forwardUsage;
        this.tokens = tokens;
    }

    /** Relays until the end; an IOException means the caller went away. */
    void relay(OpenedStream opened) throws IOException {
        try {
            for (ChatCompletionChunk c = opened.first(); c != null; c = opened.stream().next()) {
                tokens.count(c);
                send(c);
            }
        } catch (GatewayException e) {
            out.error(e);
            return;
        }
        out.done();
    }

    private void send(ChatCompletionChunk c) throws IOException {
        if (c.usage() != null && !forwardUsage) {
            if (c.choices().isEmpty()) {
                return;
            }
            c = c.withoutUsage();
        }
        out.data(c);
    }
}
